<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CompanyQuery</name>
    <message>
        <source>the company query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sort by &quot;%1&quot;: there is no such field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyStore</name>
    <message>
        <source>There is no company with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionStore</name>
    <message>
        <source>A connection needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection name is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection name contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection name must not start with &quot;-&quot; (it would read as an option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown connection type &quot;%1&quot; (hubspot, salesforce or sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown match policy &quot;%1&quot; (host or registrable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown company sync mode &quot;%1&quot; (create_update or update_only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown contact sync mode &quot;%1&quot; (create_update, update_only or disabled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown handling of ambiguous matches &quot;%1&quot; (skip or update_oldest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown lookup strategy &quot;%1&quot; (auto, search or list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; is already stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectorFactory</name>
    <message>
        <source>A Sandbox CRM connection needs --base-url (the address syncdesk-sandbox prints, e.g. http://127.0.0.1:41823).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL with a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; must not carry a query, fragment or user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored for the connection &quot;%1&quot;. Store one with syncdesk-cli connection token %1 --token-stdin, or pass one for a single run with --token-env VAR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of the connection &quot;%1&quot; cannot be read from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; is a Salesforce connection. Salesforce connections can be stored, but SyncDesk cannot talk to Salesforce yet: its connector comes in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for the connection &quot;%1&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectorLog</name>
    <message>
        <source>, attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer was lost; the request may have been applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectorLogText</name>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactStore</name>
    <message>
        <source>There is no contact with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrmKind</name>
    <message>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox CRM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImporter</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) of column &quot;%1&quot; do not fit the field&apos;s type (%2), first on this line; they were stored as they are</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopSyncFeatures</name>
    <message>
        <source>&amp;Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainKey</name>
    <message>
        <source>no website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an e-mail address, not a website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link without a web address (such as mailto:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IP address, not a company website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>localhost, not a company website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single name without a domain ending such as .com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a public domain ending (such as co.uk), no company domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty part between dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid website or domain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailAddress</name>
    <message>
        <source>no e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no domain after the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too long for an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a character not allowed before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain after the @ has no dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid domain after the @</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineConnections</name>
    <message>
        <source>There is no connection named &quot;%1&quot; (any more).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldCatalog</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the field definitions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldDefinition</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkedIn URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterCompiler</name>
    <message>
        <source>a number field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a yes/no field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;not&quot; needs exactly one condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;contains&quot; works on text fields; %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number, and %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (write dates as 2024-05-31), and %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not apply to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not apply to %2, %3; use = true or = false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false, and %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterError</name>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterParser</name>
    <message>
        <source>&quot;and&quot;, &quot;or&quot; or the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character &apos;!&apos; (use != for &quot;not equal&quot; or the word not)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown escape \%1 in quoted text (known: \&quot; \&apos; \\ \n \t \r)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoted text is not closed: expected a closing %1 before the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date such as 2024-05-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expression nests parentheses and &quot;not&quot; more than %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;and&quot;, &quot;or&quot; or &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a condition (a field name, &quot;(&quot; or &quot;not&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;contains&quot; or &quot;in&quot; after &quot;not&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;empty&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;empty&quot; or &quot;not empty&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator (=, !=, &gt;, &gt;=, &lt;, &lt;=, contains, in, is empty, is not empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value, found the keyword %1 (put it in quotes to mean the text: &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value (&quot;quoted text&quot;, a word, a number or a date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;(&quot; to start the list of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;)&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>no complete answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... [%1 more characters]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the daily API limit of this connection is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still rate limited after %1 waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited for %1 s, longer than this connection waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usable answer (%1): the request may have been applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, still failing after %2 attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HubSpotConnector</name>
    <message>
        <source>HubSpot&apos;s answer (HTTP %1) was cut short or is not JSON (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 inputs exceed HubSpot&apos;s limit of %2 per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before the request was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s API limit is used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable answer from HubSpot (%1): the request may have been carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token has expired. OAuth tokens last 30 minutes; for a private app, copy its current token from HubSpot and store it with syncdesk-cli connection token NAME --token-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot did not accept the access token. Check that the private app still exists and store its current token with syncdesk-cli connection token NAME --token-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private app lacks the scope %1. Add it in HubSpot (Settings &gt; Integrations &gt; Private Apps &gt; Scopes) and store the app&apos;s new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private app lacks a scope this call needs. Run syncdesk-cli connection test NAME to see which, add it in HubSpot and store the app&apos;s new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot kept refusing requests for exceeding its rate limit (%1), so the run is paused. Resume it later; nothing is repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s daily API limit for this account is used up. The run is paused; resume it after the limit resets (midnight in the account&apos;s time zone). Nothing is repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s short-term rate limit was reached; SyncDesk waits and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option of the HubSpot property %2. Add a value map for this field in the mapping (local value -&gt; HubSpot option), or add the option in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not an option of the HubSpot property %1. Add a value map for this field in the mapping (local value -&gt; HubSpot option), or add the option in HubSpot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot has no property %1. Refresh the CRM fields and correct the mapping, or create the missing field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HubSpot property %1 is read-only (calculated or set by HubSpot). Remove it from the mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot does not accept this e-mail address. Correct it in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot does not accept this value for %1 (%2). Check the field&apos;s type in the mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot can only update or upsert by a property whose values are unique. Create the unique id property (syncdesk_id) with the connection&apos;s consent, or match by record id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A property of that name already exists in HubSpot. Refresh the CRM fields and map it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot already has this record (ID %1), e.g. a contact with the same e-mail. Sync again: SyncDesk will find and update it instead of creating it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot already has a record with this unique value. Sync again to match it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists in HubSpot (deleted or merged). Sync again to match or create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot refused the record as sent; the message says which value. Correct the value or the mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was lost, so SyncDesk cannot tell whether HubSpot carried the request out. SyncDesk checks before repeating a create; resuming the run is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection dropped while the answer was being read. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot had a temporary problem and SyncDesk&apos;s retries did not get through. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot could not be reached. Check the network connection (and, for a Sandbox CRM, that syncdesk-sandbox runs at the connection&apos;s base URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s search finds exact domain values only, which cannot serve the registrable domain policy: page through all companies instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search for %1 domain keys needs %2 filter groups; HubSpot takes at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search for %1 domain keys is %2 characters long; HubSpot takes at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s answer (HTTP %1) has no result for this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot&apos;s answer (HTTP %1) was cut short: the records may have been written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact was written (ID %1) but not associated with company %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An upsert needs a unique property to match on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot did not confirm this association.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find and read companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create and update companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find and read contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create and update contacts and their company associations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the company properties for the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the contact properties for the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create company properties (the syncdesk_id property, &quot;Create missing fields&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create contact properties (the syncdesk_id property, &quot;Create missing fields&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InMemorySecretStore</name>
    <message>
        <source>the secret store failed (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret is stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory (not kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyCommand</name>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] key [--policy host|registrable] [--] [VALUE...]
Prints one line per value: the value, a tab, the domain key or -, a tab, and the reason when
there is no key. Without values, reads one value per line from standard input.
  --policy host          the key is the host, www. dropped (default)
  --policy registrable   the key is the registrable domain by the Public Suffix List
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --policy needs a value: host or registrable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown policy &quot;%1&quot;: use host or registrable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the keychain did not answer within %1 s (is it locked?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret is stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read %1 from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not store %1 in the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not remove %1 from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalSelection</name>
    <message>
        <source>The filter cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no company with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogsCommand</name>
    <message numerus="yes">
        <source>Wrote %n log entries to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update if empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingCommand</name>
    <message numerus="yes">
        <source>Exported the %1 mapping of &quot;%2&quot; (%n row(s)) to %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported the %1 mapping of &quot;%2&quot; (%n row(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingJson</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, target %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a SyncDesk mapping (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mapping was written by a newer SyncDesk (format version %1; this one reads up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown &quot;crm&quot; &quot;%1&quot; (hubspot, salesforce or sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;object&quot; must be &quot;companies&quot; or &quot;contacts&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this mapping is for %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;rows&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;field&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;targets&quot; must be a list of at least one target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a target must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;property&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown &quot;strategy&quot; &quot;%1&quot; (override or update_if_empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;clear_when_empty&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;value_map&quot; must be an object of local value to CRM value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value map entry for &quot;%1&quot; must be a text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingStore</name>
    <message>
        <source>The stored mapping cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingValidator</name>
    <message>
        <source>The local field &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not mapped onto any CRM property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 targets %2 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: &quot;clear when empty&quot; needs the Override strategy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a target has no CRM property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM has no property &quot;%1&quot; (refresh the CRM fields?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is calculated by the CRM and cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only in the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: the value map has an entry with an empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Enumerations take a choice field with a value map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) does not fit %3, a %4 property.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: a value map only applies to choice and text properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: give a value map from the local values to the CRM&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: &quot;%3&quot; (for &quot;%4&quot;) is not one of the CRM&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: the value map needs an option for both yes and no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2: no value map entry for %3; records with these values will not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows %1 and %2 both write %3 with different update strategies; a fallback chain needs one strategy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row writes %1: companies are matched on it, so map the Website (or Domain) field onto it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row writes %1: contacts are matched on it, so map the Email field onto it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MissingFields</name>
    <message>
        <source>%1 (SyncDesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by SyncDesk from the local field &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by SyncDesk when it creates a record, so that a retried create never makes a second one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDiff</name>
    <message>
        <source>%1 -&gt; %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required by the CRM to create a record, and this record has no value for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required by the CRM to create a record; map a field onto it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message>
        <source>Cannot journal the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process carrying out this run stopped (crash or kill) before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot journal %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunText</name>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since, left alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunUndo</name>
    <message>
        <source>The undo was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the CRM: nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by the run and unchanged since: archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by the run, but changed since (%1): left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since, left alone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value the run wrote has changed since (%1): left alone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxMain</name>
    <message>
        <source>Sandbox CRM: a local, in-memory HubSpot API on 127.0.0.1 for tests, demos and rehearsals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default 0: a free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the account from FILE if it exists (then --seed is skipped); save it there on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preload companies, contacts and properties from FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token to accept (default: random).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated scopes of --token (default: all scopes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another accepted token with its scopes, TOKEN=scope1,scope2 (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for /_sandbox/ endpoints (default: random).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per 10-second window per private app (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per 10-second window per OAuth app (default 110).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per UTC day per private app (default 250000; 0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search requests per second per account (default 5; 0: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before writes reach search: MS or MIN-MAX (default 1000-2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime of OAuth access tokens in seconds (default 1800).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed OAuth redirect URI (repeatable; default: any).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject a fault, e.g. 503,path=/crm/v3/objects/*/batch/*,rate=0.2 (repeatable; see docs/sandbox.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file with settings (same keys as GET /_sandbox/settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed for fault rates and index lag, for repeatable runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one line per request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad settings file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a non-negative number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--index-lag-ms takes MS or MIN-MAX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--extra-token takes TOKEN=scope1,scope2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad --fault %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1:%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox CRM (HubSpot dialect) listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client id: %1  client secret: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the account is saved to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set up signal handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the account to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is reachable (%1). SyncDesk keeps connection tokens only in the system keychain: on Linux a Secret Service such as GNOME Keyring or KWallet on the session D-Bus. Start one and unlock it, or pass a token for a single run with --token-env.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionSecretStore</name>
    <message>
        <source>No keychain is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqliteStatement</name>
    <message>
        <source>not an SQLite connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncExecutor</name>
    <message>
        <source>The run was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not record the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 record(s) to %3 in batches of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable answer for a batch of %1: %2. The CRM is checked before anything is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused a batch of %1 as a whole (%2); sending it in halves to find the record it is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CRM record with this record&apos;s SyncDesk ID already existed; it was updated instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent again after a lost answer: the first request had created it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived %1 (created by run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>association only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was no longer in the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer arrived after %1 attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the CRM: %1 is sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-checked after a lost answer: the CRM already holds it (%1), so it is not created again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CRM records now have the key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM record %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-checked after a lost answer: the update had been applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its company could not be created (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its company has no CRM record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associated %1 with company %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM did not answer for this association.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The association with company %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPlanText</name>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate in workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value holds several URLs; the first (%1) was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key from %1 (%2 is empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n CRM records share this key; the oldest was chosen.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CRM records share this key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPlanner</name>
    <message>
        <source>The plan was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No domain key from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company %1 earlier in the selection has the same key (%2); only it is synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM company has this key, and companies are synced in &quot;Update only&quot; mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM contact has this e-mail, and contacts are synced in &quot;Update only&quot; mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CRM records share %2 (%3); none is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts are not synced on this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No e-mail address: a contact without one is never synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid e-mail address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its company (%1) is not part of this sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its company has no CRM record (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact %1 earlier in the selection has the same e-mail; only it is synced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UniqueIdProperty</name>
    <message>
        <source>The CRM property %1 exists but does not require unique values, so SyncDesk cannot use it to make creates safe to repeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename or delete the property %1 on the CRM, then let SyncDesk create it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueConversion</name>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no entry in the value map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value has %1 characters; %2 takes at most %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueTypes</name>
    <message>
        <source>a negative number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a range, not one number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] COMMAND ...
commands:
  key [--policy host|registrable] [VALUE...]   print the domain key of each value (stdin when none)
  import companies|contacts FILE.csv           import a CSV file into the workspace
  connection add NAME --type hubspot|salesforce|sandbox [--base-url URL] [--token-stdin]
  connection list | test NAME | token NAME --token-stdin | remove NAME
  mapping export|import NAME [--object companies|contacts] [FILE.json]
  sync NAME [--where EXPR] [--ids 1,2,3] [--limit N] [--dry-run] [--json] [--token-env VAR]
  runs [--json] | run show ID [--json] | run resume ID | undo RUN_ID [--dry-run]
  logs [--run ID] [--level LEVEL] [--json] [--csv FILE]
exit codes: 0 ok, 1 failed records, 2 usage/configuration, 3 authentication/permission,
            4 paused by a rate or daily limit (resumable), 130 interrupted
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --workspace needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown command %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Keep a workspace&apos;s companies and contacts in step with your CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THEME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::AppContext</name>
    <message>
        <source>The sample data %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Sandbox CRM could not listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ChangesModel</name>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update if empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM value before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::CompanyListModel</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to include %1 in the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::CompanyListView</name>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectionEditor</name>
    <message>
        <source>Add %1 connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://127.0.0.1:PORT (printed by syncdesk-sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private app access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host (us.test.com and test.com differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root domain (us.test.com matches test.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match &amp;companies by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company sync mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp; update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Com&amp;panies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact sync mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip and list the candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the oldest CRM record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ambiguous matches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by SyncDesk: this Sandbox CRM runs inside the app on 127.0.0.1, with a new token at every start that is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the %1, never in the workspace or settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In HubSpot: Settings › Integrations › Private Apps, create an app with the CRM companies, contacts and schemas scopes, and paste its access token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectionListModel</name>
    <message>
        <source>Sandbox CRM inside SyncDesk · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the token of the connection (for HubSpot: the access token of a private app).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That connection no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in Sandbox connection cannot be removed: it belongs to the Sandbox CRM that runs inside SyncDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was removed, but its token could not be deleted from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectionTester</name>
    <message>
        <source>This kind of connection cannot be tested yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token works but lacks permissions SyncDesk needs: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection works: the token is accepted and has every permission SyncDesk needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional permissions missing (creating properties on the CRM): %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectionsDialog</name>
    <message>
        <source>create &amp; update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;HubSpot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a HubSpot account with a private app access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a Sandbox CRM started with syncdesk-sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the token is accepted and has the permissions SyncDesk needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync to this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in Sandbox connection cannot be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet. Add one to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies: %1 · contacts: %2 · match by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token: in memory only (new at every start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token: in the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection &quot;%1&quot;? Its mappings are deleted and its token is removed from the keychain. Nothing changes on the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectorLogModel</name>
    <message>
        <source>company %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ConnectorLogPanel</name>
    <message>
        <source>Connector log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connector log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export connector log (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message, code, correlation id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company 12, contact 7 or CRM id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one record: &quot;company 12&quot; or &quot;contact 7&quot; (workspace ids), a bare number (either), or a CRM record id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the newest entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest entry in view. Scrolling up stops following.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown entries as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export every entry that matches the filter as a CSV file (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to see what was sent and what the CRM answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export connector log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ContactsPanel</name>
    <message>
        <source>Contacts of the current company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a company to see its contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Contacts of %1 (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>domain key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no domain key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no contacts in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::CrmSchemaClient</name>
    <message>
        <source>%1 was not created: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::CsvImporter</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::CsvReader</name>
    <message>
        <source>read error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not open for reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is UTF-16 text; save it as CSV UTF-8 and import it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quote that opens field %1 is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the closing quote of field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is longer than %1 MB: probably a quote that is never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::FieldStore</name>
    <message>
        <source>A field needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice field &quot;%1&quot; needs at least one choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a field named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no custom field &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::FilterBar</name>
    <message>
        <source>Search name, website or domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How conditions combine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match all conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match any condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter on a field (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::FilterConditionRow</name>
    <message>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is greater than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is less than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is none of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number, e.g. 50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date, e.g. 2024-05-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ImportRun</name>
    <message>
        <source>Writing to the workspace failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the header row is malformed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 has no name: its values are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot; is ignored: an earlier column already supplies that field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot; is ignored: an earlier column has the same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot; is ignored: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column for the company name, website, domain or id (its columns: %1). See docs/import.md for the recognised column names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column for the contact&apos;s e-mail, name or id (its columns: %1). See docs/import.md for the recognised column names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the row runs from line %1 to line %2: check for a quote that is not closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row is not valid UTF-8 text; it was read as Windows-1252</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same company as line %1 (%2): that company was updated again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same contact as line %1 (%2): that contact was updated again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is %3: imported without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has no company name, website, domain or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no domain key from &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the website &quot;%1&quot; holds several addresses; the first one gives the domain key %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no company in the workspace matches %1: the contact was imported without a company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has no e-mail, name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the e-mail address &quot;%1&quot; is not valid (%2); it was imported as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty: there is no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file failed after line %1: %2. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MainWindow</name>
    <message>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;companies (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import c&amp;ontacts (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, website or domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;all filtered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every company that matches the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick every company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and sync the ticked companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, test and choose connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SyncDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection syncs go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the connector log (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 · %3 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync selected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection first (Sync &gt; Connections).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the companies to sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and sync the %1 ticked companies to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — SyncDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk workspaces (*.sqlite *.syncdesk);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk workspaces (*.sqlite *.syncdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose Open workspace to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies from %1: %2 created, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts from %1: %2 created, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SyncDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk %1
Keep the companies and contacts of a workspace in step with HubSpot, Salesforce or the built-in Sandbox CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the import to finish…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MappingDocument</name>
    <message>
        <source>The CRM&apos;s fields are not loaded yet: refresh the CRM fields so that the mapping can be checked before it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) must be fixed before the mapping can be saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clear when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: keep when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: value map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MappingEditor</name>
    <message>
        <source>Mapping editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;bject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map another local field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the current row&apos;s field into one more CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the current target (the row when it is its only one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the current row up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the current row down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map local values onto the CRM&apos;s options for the current target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh CRM fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the CRM&apos;s property list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create missing fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &quot;(SyncDesk)&quot; properties on the CRM for local fields and map them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the rows with a mapping exported as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this mapping as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping (only when it fits the CRM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n CRM properties, loaded %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CRM properties not loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection first (Sync &gt; Connections): a mapping belongs to a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to the CRM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes. The mapping fits the CRM and can be saved (Ctrl+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The mapping fits the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a mapping SyncDesk can read:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map SyncDesk fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n CRM properties.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Create missing fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %n CRM properties.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The CRM&apos;s fields could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MappingItemDelegate</name>
    <message>
        <source>Local field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update strategy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MappingTableModel</name>
    <message>
        <source>Match key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row&apos;s field supplies the key that matches records with the CRM: it is the first row writing %1. Reorder the rows to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplies the match key when the fields of the rows above are empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CRM property…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override: write when the local value is not empty and differs from the CRM&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update if empty: write only when the CRM has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear when empty: an empty local value clears the CRM value (Override only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to map local values onto the CRM&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MatchReportModel</name>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::MissingFieldsDialog</name>
    <message>
        <source>Create missing fields on the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SyncDesk creates a CRM property named &quot;&lt;Field label&gt; (SyncDesk)&quot; for each ticked field, typed from the field&apos;s type, and maps the field onto it (Override). A property that already exists is mapped without creating anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exists: will be mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create and map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::PlanRecordsModel</name>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name / e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty, so the key comes from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1 (policy: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same key as the earlier selected record %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CRM record has this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM candidates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  • %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  • %1: %2 (created %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associated with its company when created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gets associated with its company %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already associated with its company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to another company in the CRM (%1); left there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::RunListModel</name>
    <message>
        <source>Undo preview of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (not run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::RunProgressPanel</name>
    <message>
        <source>Run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the request in flight. A cancelled run can be resumed from Runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the request in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Looking up the records in the CRM… %n request(s) so far.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Associations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-checking writes that may have happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %3 records · %4 created · %5 updated · %6 failed · %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>syncdesk::RunRecordsModel</name>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM refused it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category: %1, code: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n time(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Association with its company: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name / e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::RunsView</name>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out a previewed run, or resume a paused, cancelled or interrupted one: finished writes are not repeated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back what the run overwrote and archive what it created (with a preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run&apos;s entries in the connector log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;previews and dry runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show previews and dry runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(finished %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync or undo is running. Try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::SandboxBadge</name>
    <message>
        <source>Sandbox: nothing leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active connection is the Sandbox CRM, served by SyncDesk on 127.0.0.1. Syncs write to it, never to a real CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: local only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::SyncEngine</name>
    <message>
        <source>Unknown connection &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A real run would create the unique property %1 on the CRM&apos;s %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unique property %1 could not be created (%2); new records are created with a journal and a re-check instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the unique property %1 on the CRM&apos;s %2: new records are upserted on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping does not fit the CRM; nothing was planned:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is a dry run: it only shows a plan. Start a new sync to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is being carried out by another process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is %2: there is nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This undo stopped before it was planned; nothing was written. Start the undo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by the CRM&apos;s limit (%1). Resume it later: nothing done is repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after the request in flight. Resume it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is a dry run: it wrote nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is still running; undo it when it has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 was already undone by run %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 is being undone by run %2 (%3): resume that run instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::SyncPreviewDialog</name>
    <message>
        <source>Sync to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sync %n selected companies (and their contacts) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the selected records in %1. Nothing is written until you click Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changes in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation of the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the &amp;mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the run in the runs view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: every record is unchanged or skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the changes shown (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run goes on; its results appear in Runs and the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync or undo is running. Wait for it to finish (see Runs), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync or undo is running. Wait for it to finish, then click Run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the CRM already holds what the mapping would write (or the records are skipped; see why below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 record(s) will be written in at most %n request(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up took %n request(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mapping warnings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not be planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::UndoPreviewDialog</name>
    <message>
        <source>Undo run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo run %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading what the CRM holds now for the records run %1 wrote. Nothing is written until you click Undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the undo touches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values the undo puts back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM value now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the undo run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out the undo shown (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync or undo is running. Wait for it to finish, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync or undo is running. Wait for it to finish, then click Undo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The undo could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo run %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The undo did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>puts back %n value(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>archives %n record(s) the run created</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing to undo: the run wrote nothing that is still there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) changed in the CRM since the run: left alone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::ValueMapDialog</name>
    <message>
        <source>this field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CRM property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value map: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CRM option each local value is written as. Values without an option are not written (the plan shows such records as invalid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the CRM value each local value is written as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value map entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM option for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not an option)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::Workspace</name>
    <message>
        <source>No workspace file given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the workspace %1: the folder %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: it is not a SQLite database or cannot be read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database of another application, not a SyncDesk workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer version of SyncDesk (schema version %2; this version knows up to %3). Update SyncDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the workspace %1 to schema version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::Workspace::Transaction</name>
    <message>
        <source>The workspace is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transaction is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>syncdesk::cli</name>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-env needs the name of an environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no connection named &quot;%1&quot; (the workspace has no connections yet: add one with syncdesk-cli connection add NAME --type hubspot|salesforce|sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no connection named &quot;%1&quot; (connections: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment variable %1 (given with --token-env) is not set or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correlation id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] connection add NAME --type hubspot|salesforce|sandbox
                        [--base-url URL] [--token-stdin] [--allow-unique-id-property]
       syncdesk-cli [--workspace FILE] connection list [--json]
       syncdesk-cli [--workspace FILE] connection test NAME [--token-env VAR] [--json]
       syncdesk-cli [--workspace FILE] connection token NAME --token-stdin
       syncdesk-cli [--workspace FILE] connection remove NAME
Tokens are read from standard input (--token-stdin) and kept only in the system keychain.
--token-env VAR takes the token from the environment variable VAR for one run, never stored.
--allow-unique-id-property lets SyncDesk create its unique id property (syncdesk_id) on the CRM
so that creates can be repeated safely.
Exit status: 0 fine, 2 usage or configuration problem, 3 token refused or scopes missing.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-stdin: no token on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-stdin: the token must be one line without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--type needs hubspot, salesforce or sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--base-url needs a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection add needs a NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection add needs --type hubspot, salesforce or sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown connection type &quot;%1&quot; (hubspot, salesforce or sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connection named &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the %1 connection &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  base URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  default mappings for companies and contacts created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  token stored in the keychain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  no token stored: add one with syncdesk-cli connection token %1 --token-stdin, or pass --token-env VAR to each command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  note: SyncDesk cannot talk to Salesforce yet (its connector comes in a later release); the connection is stored for then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections. Add one with syncdesk-cli connection add NAME --type hubspot|salesforce|sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME	TYPE	BASE URL	MATCH	COMPANIES	CONTACTS	CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection test needs a NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this kind of connection cannot be tested yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot; (%2, %3): the token is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the token lacks %1: SyncDesk cannot create properties on the CRM (its unique id property, &quot;Create missing fields&quot;). Everything else works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token lacks the scope(s) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  hint: add them to the private app in HubSpot (Settings &gt; Integrations &gt; Private Apps &gt; Scopes), then store its token again with syncdesk-cli connection token %1 --token-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All required scopes are granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection token needs a NAME and --token-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the token of &quot;%1&quot; in the keychain (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection remove needs exactly one NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token of &quot;%1&quot; could not be removed from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the connection &quot;%1&quot;, its mappings and its token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown connection command &quot;%1&quot; (add, list, test, token, remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] import companies|contacts FILE.csv [--delimiter ,|;|tab]
Imports a CSV file (UTF-8, comma, semicolon or tab separated, header row first) into the
workspace. Importing the same file again updates the records instead of duplicating them.
Exit status: 0 every row imported, 1 some rows rejected (the others imported), 2 nothing
imported (usage, file or workspace problem).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delimiter takes , or ; or tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import needs what to import (companies or contacts) and a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot import &quot;%1&quot;: use companies or contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: the file %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1 is a folder, not a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported; the workspace is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported companies from %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported contacts from %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  rows read: %1 (delimiter %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  created:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  updated:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  unchanged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  skipped:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  errors: %1, warnings: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  new custom fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] logs [--run ID] [--level debug|info|warning|error]
                    [--text TEXT] [--record company:ID|contact:ID] [--crm-id ID] [--limit N]
                    [--json] [--csv FILE]
Prints the connector log, oldest first (--limit N: the newest N). --level shows that level and
above. --json prints one JSON document; --csv FILE writes a CSV file (cells that a spreadsheet
would take for a formula are escaped).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run needs a run id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--level takes debug, info, warning or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--text needs the text to look for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--record takes company:ID or contact:ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--crm-id needs a CRM record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--csv needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] mapping export NAME [--object companies|contacts] [FILE.json]
       syncdesk-cli [--workspace FILE] mapping import NAME [--object companies|contacts] [FILE.json]
                        [--refresh] [--token-env VAR]
Export writes the connection&apos;s mapping (companies unless --object says otherwise) to FILE.json or
standard output. Import reads one from FILE.json or standard input, checks it against the
workspace&apos;s fields and the CRM&apos;s properties, and saves it only when it has no errors.
--refresh fetches the CRM&apos;s property list again instead of using the cached one.
Exit status: 0 fine, 2 usage error or mapping refused, 3 token refused or scopes missing.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--object needs companies or contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--object takes companies or contacts, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which connection? (mapping %1 NAME ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the CRM&apos;s property list could not be cached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping was not imported; the stored mapping is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the mapping was exported from a %1 connection; &quot;%2&quot; is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, target %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3 [%4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown mapping command &quot;%1&quot; (export, import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] runs [--limit N] [--json]
       syncdesk-cli [--workspace FILE] run show ID [--json]
       syncdesk-cli [--workspace FILE] run resume ID [--json] [--token-env VAR]
       syncdesk-cli [--workspace FILE] undo RUN_ID [--dry-run] [--json] [--token-env VAR]
runs lists the runs, newest first; run show prints a run and every record&apos;s plan and outcome;
run resume finishes a paused, cancelled, interrupted or failed run without repeating what was
done; undo puts back the values a run overwrote where the CRM still holds what it wrote, and
archives the records it created when they are unchanged since (--dry-run only shows it).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run show needs a run id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a run id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run needs show ID or resume ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown run command %1 (show or resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run resume needs a run id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo needs the id of the run to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (correlation id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (crm %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2 on %3%4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo of run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (row %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume it with: syncdesk-cli run resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: syncdesk-cli [--workspace FILE] sync NAME [--where EXPR] [--ids 1,2,3] [--limit N]
                    [--dry-run] [--json] [--token-env VAR] [--create-id-property]
Syncs the companies of the workspace (all, or those matching --where / --ids, at most
--limit) and their contacts to the connection NAME. --dry-run only plans and shows what would
change. --json prints one JSON document (docs/sync-runs.md). --create-id-property allows
creating the CRM&apos;s unique id property so that new records are created by upsert.
Exit status: 0 all good, 1 finished with failed records, 2 usage or configuration error,
3 authentication or permission error, 4 paused by a rate or daily limit (resume it with
run resume ID), 130 interrupted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--where needs a filter expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ids needs a list of company ids, e.g. --ids 1,2,3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ids: &quot;%1&quot; is not a company id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the connection to sync with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
