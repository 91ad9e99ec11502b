#!/usr/bin/env python3
"""Writes companies.csv and contacts.csv: fictional, deliberately messy sample data (docs/sample-data.md).

The CSVs are committed; run this only to change them:  python3 resources/sample/generate_sample_data.py
Deterministic (fixed seed). Every name is invented; domains are made up from those names.
"""
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240531)

COUNTRIES = {
    # country as written in exports (variants), tlds, legal suffixes, cities
    "UK": (["UK", "United Kingdom", "GB", "England", "uk"], [".co.uk", ".com", ".uk"], ["Ltd", "Limited", "LLP", ""],
           ["London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Cardiff"]),
    "US": (["United States", "USA", "US", "U.S.", "United States of America"], [".com", ".io", ".us", ".co"],
           ["Inc.", "LLC", "Inc", "Corp.", ""],
           ["New York", "Austin", "Denver", "Boston", "Seattle", "Washington, D.C.", "Chicago"]),
    "DE": (["Germany", "Deutschland", "DE"], [".de", ".com"], ["GmbH", "AG", "GmbH & Co. KG", ""],
           ["Berlin", "München", "Hamburg", "Köln", "Düsseldorf"]),
    "AU": (["Australia", "AU"], [".com.au", ".au"], ["Pty Ltd", "Pty. Ltd.", ""], ["Sydney", "Melbourne", "Brisbane"]),
    "FR": (["France", "FR"], [".fr", ".com"], ["SAS", "SARL", ""], ["Paris", "Lyon", "Lille"]),
    "NL": (["Netherlands", "The Netherlands", "NL"], [".nl", ".com"], ["B.V.", "BV", ""], ["Amsterdam", "Utrecht"]),
    "IE": (["Ireland", "IE"], [".ie", ".com"], ["Ltd", "DAC", ""], ["Dublin", "Cork"]),
    "CA": (["Canada", "CA"], [".ca", ".com"], ["Inc.", "Ltd.", ""], ["Toronto", "Vancouver", "Montréal"]),
    "CH": (["Switzerland", "Schweiz", "CH"], [".ch", ".com"], ["AG", "GmbH", "SA"], ["Zürich", "Genève", "Basel"]),
    "ES": (["Spain", "España", "ES"], [".es", ".com"], ["S.L.", "S.A.", ""], ["Madrid", "Barcelona", "Valencia"]),
    "SE": (["Sweden", "SE"], [".se", ".com"], ["AB", ""], ["Stockholm", "Göteborg", "Malmö"]),
}
COUNTRY_WEIGHTS = {"US": 30, "UK": 20, "DE": 12, "AU": 6, "FR": 6, "NL": 5, "IE": 4, "CA": 6, "CH": 3, "ES": 4, "SE": 4}

INDUSTRIES = ["Software", "Retail", "Manufacturing", "Healthcare", "Financial Services", "Logistics", "Education",
              "Media", "Hospitality", "Construction", "Energy", "Professional Services", "Real Estate", "Agriculture"]
INDUSTRY_WORDS = {
    "Software": ["Analytics", "Labs", "Cloud", "Systems", "Software", "Data"],
    "Retail": ["Goods", "Market", "Outfitters", "Supply", "Trading"],
    "Manufacturing": ["Works", "Industries", "Fabrication", "Tooling", "Components"],
    "Healthcare": ["Health", "Clinics", "Medical", "Care"],
    "Financial Services": ["Capital", "Finance", "Partners", "Advisory"],
    "Logistics": ["Logistics", "Freight", "Transport", "Shipping"],
    "Education": ["Learning", "Academy", "Education"],
    "Media": ["Media", "Studio", "Press", "Pictures"],
    "Hospitality": ["Hotels", "Kitchens", "Hospitality", "Inns"],
    "Construction": ["Builders", "Construction", "Structures"],
    "Energy": ["Energy", "Power", "Renewables", "Solar"],
    "Professional Services": ["Consulting", "Associates", "Group", "Advisors"],
    "Real Estate": ["Properties", "Estates", "Realty"],
    "Agriculture": ["Farms", "Growers", "Agri", "Harvest"],
}
START = ["Quill", "Brindle", "Tal", "Marrow", "Vant", "Fern", "Copper", "Harrow", "Kessel", "Orbit", "Birch", "Pixel",
         "Ledger", "Tallow", "Wren", "Ember", "Cobalt", "Juniper", "Moss", "Saffron", "Thistle", "Halcy", "Corvid",
         "Lumen", "Sable", "Pewter", "Aster", "Bramble", "Cinder", "Dapple", "Elder", "Gossam", "Hollin", "Ivor",
         "Kestrel", "Larch", "Mirel", "Nettle", "Oakhan", "Plover", "Quarry", "Rook", "Sorrel", "Tamsin", "Umber",
         "Vesper", "Wick", "Yarrow", "Zephyr", "Alder", "Brack", "Cresset", "Dunlin", "Fallow", "Gannet", "Heron"]
END = ["moor", "wick", "vora", "ind", "orr", "castle", "leaf", "gate", "werk", "line", "field", "moth", "ly", "by",
       "ford", "stone", "bridge", "haven", "mere", "dale", "wood", "brook", "hurst", "ton", "ridge", "well", "combe"]

FIRST = ["Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "Elijah", "Mia", "James", "Sophie", "Lucas",
         "Zoë", "José", "Søren", "Aoife", "Siobhán", "Chloé", "Björn", "Mateo", "Priya", "Arjun", "Mei", "Hiroshi",
         "Fatima", "Omar", "Ngozi", "Kwame", "Ingrid", "Lars", "Camille", "Léa", "Hannah", "Jonas", "Emma", "Ben",
         "Grace", "Daniel", "Ella", "Samuel", "Ruby", "Jack", "Freya", "Thomas", "Anna", "Marco", "Giulia", "Paul"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Müller", "Schmidt",
        "Schneider", "Fischer", "Martin", "Bernard", "Dubois", "García", "Fernández", "López", "O'Neill", "O'Brien",
        "Murphy", "Kelly", "Nguyen", "Patel", "Singh", "Chen", "Wang", "Kim", "Andersson", "Johansson", "de Vries",
        "van Dijk", "Rossi", "Bianchi", "Novak", "Kowalski", "Okafor", "Mensah", "Hughes", "Walsh", "MacLeod"]
TITLES = ["CEO", "Founder & CEO", "Chief Revenue Officer", "VP Sales", "Head of RevOps", "Revenue Operations Manager",
          "Sales Operations Analyst", "Marketing Manager", "CFO", "Finance Director", "Office Manager",
          "Account Executive", "Customer Success Manager", "CTO", "Head of Procurement", "Operations Director",
          "", "Sales Director, EMEA", "Head of Growth", "IT Manager"]
DESCRIPTION_BITS = ["Family-owned since 1987", "B2B", "serves mid-market customers", "focus on the DACH region",
                    "partner of the year 2022", "expanding into APAC", "ISO 9001 certified", "bootstrapped",
                    "Series B", "acquired a competitor in 2021", "remote-first team", "sustainability focus",
                    "key account", "churn risk", "renewal due Q3"]


def slug(name):
    return "".join(c for c in name.lower() if c.isalnum())


def pick_country():
    keys = list(COUNTRY_WEIGHTS)
    return rng.choices(keys, weights=[COUNTRY_WEIGHTS[k] for k in keys])[0]


def messy_website(host):
    """One way people paste a website into a CRM."""
    r = rng.random()
    if r < 0.25:
        return "https://www." + host
    if r < 0.40:
        return "http://www." + host + "/"
    if r < 0.55:
        return host
    if r < 0.62:
        return "www." + host
    if r < 0.70:
        return "https://" + host + rng.choice(["/about", "/en/", "/contact-us", "/products/index.html"])
    if r < 0.76:
        return "https://www." + host + "/?utm_source=linkedin&utm_medium=social"
    if r < 0.80:
        return ("HTTPS://WWW." + host.upper() + "/")
    if r < 0.84:
        return " " + host + " "  # stray spaces
    return "https://" + host


def employees_value(n):
    r = rng.random()
    if r < 0.07:
        return ""
    if r < 0.10:
        return rng.choice(["11-50", "51-200", "201-500", "1,001-5,000"])
    if r < 0.13 and n >= 1000:
        return f"{n:,}"
    if r < 0.15:
        return rng.choice(["approx. 40", "n/a", "unknown"])
    return str(n)


def revenue_value():
    r = rng.random()
    amount = rng.choice([1, 2, 5, 8, 12, 25, 40, 75, 120, 300]) * rng.choice([100000, 125000, 250000])
    if r < 0.25:
        return ""
    if r < 0.33:
        return f"{amount:,}"
    if r < 0.38:
        return f"${amount / 1e6:.1f}M"
    if r < 0.40:
        return "n/a"
    return str(amount)


def since_value():
    r = rng.random()
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    if r < 0.35:
        return ""
    if r < 0.80:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if r < 0.88:
        return f"{d:02d}/{m:02d}/{y:04d}"
    if r < 0.94:
        return f"{m}/{d}/{y}"
    return f"{['January','March','June','September','November'][m % 5]} {y}"


def tier_value():
    return rng.choice(["Gold", "Silver", "Bronze", "Bronze", "Silver", "", "", "gold", "Platinum"])


def linkedin(name_slug):
    r = rng.random()
    if r < 0.35:
        return ""
    if r < 0.85:
        return f"https://www.linkedin.com/company/{name_slug}"
    if r < 0.95:
        return f"linkedin.com/company/{name_slug}/"
    return f"https://uk.linkedin.com/company/{name_slug}?trk=public_profile"


def description(name, industry, city):
    bits = rng.sample(DESCRIPTION_BITS, rng.randint(0, 3))
    if not bits and rng.random() < 0.5:
        return ""
    return f"{industry} company based in {city}" + ("; " + ", ".join(bits) if bits else ".")


companies = []   # dicts in CSV column order
hosts = {}       # company id -> the host used to build e-mail addresses (None if none)


def add_company(name, website, domain, industry, employees, country, city, desc, li, revenue, since, tier, host):
    cid = f"C{len(companies) + 1:04d}"
    companies.append({
        "id": cid, "Name": name, "Website": website, "Domain": domain, "Industry": industry,
        "Employees": employees, "Country": country, "City": city, "Description": desc, "LinkedIn URL": li,
        "Annual Revenue": revenue, "Customer Since": since, "Tier": tier,
    })
    hosts[cid] = host
    return cid


used_names = set()


def fresh_base():
    while True:
        base = rng.choice(START) + rng.choice(END)
        if base not in used_names:
            used_names.add(base)
            return base


def generated_company():
    ckey = pick_country()
    variants, tlds, suffixes, cities = COUNTRIES[ckey]
    industry = rng.choice(INDUSTRIES)
    base = fresh_base()
    word = rng.choice(INDUSTRY_WORDS[industry])
    suffix = rng.choice(suffixes)
    name = f"{base} {word}" + (f" {suffix}" if suffix else "")
    host = slug(base) + ("-" + slug(word) if rng.random() < 0.3 else "") + rng.choice(tlds)
    city = rng.choice(cities)
    n = int(rng.lognormvariate(3.6, 1.4)) + 1
    website = messy_website(host)
    domain = host if rng.random() < 0.55 else ""
    return dict(name=name, website=website, domain=domain, industry=industry if rng.random() < 0.92 else "",
                employees=employees_value(n), country=rng.choice(variants) if rng.random() < 0.95 else "",
                city=city if rng.random() < 0.9 else "", desc=description(name, industry, city),
                li=linkedin(slug(base)), revenue=revenue_value(), since=since_value(), tier=tier_value(), host=host)


def add(d):
    return add_company(d["name"], d["website"], d["domain"], d["industry"], d["employees"], d["country"],
                       d["city"], d["desc"], d["li"], d["revenue"], d["since"], d["tier"], d["host"])


# ---- hand-made rows: each shows one kind of mess (docs/sample-data.md) -----------------------------
SPECIAL = [
    # name, website, domain, industry, employees, country, city, description, linkedin, revenue, since, tier, email host
    ("Quillmoor Analytics Ltd", "https://www.quillmoor.co.uk/about?ref=crm#team", "quillmoor.co.uk", "Software", "85",
     "UK", "London", "Analytics for retailers, wholesalers, and brands.", "https://www.linkedin.com/company/quillmoor",
     "4500000", "2019-04-01", "Gold", "quillmoor.co.uk"),
    ("Quillmoor Analytics", "QUILLMOOR.CO.UK", "", "Software", "85", "United Kingdom", "London", "", "",
     "4,500,000", "01/04/2019", "gold", "quillmoor.co.uk"),  # duplicate of the row above after normalisation
    ("Brightfield Logistics Inc.", "https://brightfield-logistics.com", "brightfield-logistics.com", "Logistics", "1200",
     "United States", "Denver", "Freight brokerage.\nTwo warehouses (Denver, Reno).\nKey account since 2018.",
     "https://www.linkedin.com/company/brightfield-logistics", "$12.0M", "2018-09-17", "Gold",
     "brightfield-logistics.com"),  # multi-line description
    ("Brightfield Logistics (US West)", "us.brightfield-logistics.com", "", "Logistics", "300", "USA",
     "Reno", "Regional office", "", "", "", "Silver", "brightfield-logistics.com"),  # subdomain: same registrable key
    ("Brightfield Logistics EU", "https://eu.brightfield-logistics.com/de/", "", "Logistics", "45", "Germany",
     "Hamburg", "", "", "", "", "", "brightfield-logistics.com"),
    ("Harper, Lowe & Co.", "http://www.harperlowe.com.au/", "harperlowe.com.au", "Professional Services", "23",
     "Australia", "Sydney", "Accountants, auditors, and tax advisers", "", "1,500,000", "2020-02-29", "Silver",
     "harperlowe.com.au"),  # comma in the name
    ("Shop Harrowgate", "https://shop.harrowgate.co.uk/checkout?basket=123", "", "Retail", "12", "GB", "Leeds", "",
     "", "", "", "Bronze", "harrowgate.co.uk"),  # subdomain under a country second-level suffix
    ("Harrowgate Goods Ltd", "www.harrowgate.co.uk", "harrowgate.co.uk", "Retail", "40", "UK", "Leeds",
     "Parent of Shop Harrowgate", "", "", "2016-06-01", "Silver", "harrowgate.co.uk"),
    ("Kesselwerk GmbH", "https://www.kesselwerk.de", "kesselwerk.de", "Manufacturing", "1,350", "Deutschland",
     "Köln", "Kesselbau, Anlagen & Service", "https://www.linkedin.com/company/kesselwerk", "", "2015-01-12",
     "Gold", "kesselwerk.de"),
    ("Bäckerei Münchner Kindl", "https://münchen-bäckerei.de/filialen", "", "Hospitality", "35", "Germany",
     "München", "Bakery chain (IDN website)", "", "", "", "", "münchen-bäckerei.de"),
    ("Zürich Treuhand AG", "www.zürich-treuhand.ch", "xn--zrich-treuhand-hsb.ch", "Financial Services", "18",
     "Switzerland", "Zürich", "Domain given in punycode, website in Unicode", "", "900000", "2021-11-30", "Bronze",
     "zürich-treuhand.ch"),
    ("Ferncastle Studio", "ferncastle.uk.com", "", "Media", "9", "UK", "Bristol", "Private suffix uk.com", "", "",
     "", "", "ferncastle.uk.com"),
    ("Ferncastle Studio Films", "films.ferncastle.uk.com", "", "Media", "4", "UK", "Bristol", "", "", "", "", "",
     "ferncastle.uk.com"),
    ("Pixelmoth", "https://pixelmoth.github.io/", "", "Software", "3", "Canada", "Vancouver",
     "Open-source tools; site hosted on a code host", "", "", "", "", None),
    ("Pixelmoth Docs", "pixelmoth.github.io/docs", "", "Software", "3", "Canada", "Vancouver", "Same site, path only",
     "", "", "", "", None),
    ("Ledgerly Demo", "https://ledgerly-demo.herokuapp.com/login", "", "Financial Services", "6", "USA", "Austin",
     "Trial workspace", "", "", "", "", None),
    ("Ledgerly", "ledgerly.io", "ledgerly.io", "Financial Services", "60", "United States", "Austin", "",
     "https://www.linkedin.com/company/ledgerly", "8000000", "2022-07-04", "Gold", "ledgerly.io"),
    ("Orbitline Systems", "https://www.orbitline.io, https://orbitline.de", "orbitline.io", "Software", "240",
     "Netherlands", "Amsterdam", "Two websites in one cell", "", "", "2017-03-03", "Silver", "orbitline.io"),
    ("Cobaltford Energy", "cobaltford.com; cobaltford-energy.com", "", "Energy", "410", "Canada", "Toronto",
     "Semicolon-separated websites", "", "", "", "", "cobaltford.com"),
    ("Wrenhaven Hotels", "www.wrenhaven.ie www.wrenhaven.co.uk", "", "Hospitality", "150", "Ireland", "Cork",
     "Space-separated websites", "", "", "", "", "wrenhaven.ie"),
    ("Vesperline Media", "n/a", "", "Media", "14", "France", "Lyon", "", "", "", "", "", None),
    ("Thistlecombe Farms", "-", "-", "Agriculture", "27", "UK", "Edinburgh", "", "", "", "", "", None),
    ("Ambermere Care", "N/A", "", "Healthcare", "", "UK", "Cardiff", "", "", "", "", "", None),
    ("Plover Builders", "none", "", "Construction", "60", "Australia", "Brisbane", "", "", "", "", "", None),
    ("Rookwell Clinics", "192.168.1.10", "", "Healthcare", "75", "Ireland", "Dublin", "Intranet IP pasted",
     "", "", "", "", None),
    ("Sorrelby Freight", "http://10.0.0.5:8080/crm", "", "Logistics", "33", "Spain", "Valencia", "", "", "", "",
     "", None),
    ("Umberstone Labs", "http://localhost:3000", "", "Software", "5", "Sweden", "Malmö", "Dev server URL", "", "",
     "", "", None),
    ("Junipergate Partners", "info@junipergate.com", "", "Financial Services", "12", "USA", "Boston",
     "E-mail address in the website column", "", "", "", "", "junipergate.com"),
    ("Cinderfield Press", "mailto:hello@cinderfield.fr", "", "Media", "8", "France", "Paris", "", "", "", "", "",
     "cinderfield.fr"),
    ("Dapplewood Academy", "dapplewood", "", "Education", "90", "UK", "Manchester", "Single label", "", "", "",
     "", None),
    ("Elderbrook Advisory", "co.uk", "", "Professional Services", "4", "UK", "London", "Only a public suffix", "",
     "", "", "", None),
    ("Gannetford Supply", "https://www..gannetford.com", "", "Retail", "19", "USA", "Chicago",
     "Empty label (typo)", "", "", "", "", None),
    ("Halcyon Trading", "javascript:void(0)", "", "Retail", "7", "USA", "Seattle", "", "", "", "", "", None),
    ("Mirelbridge Properties", "", "", "Real Estate", "22", "Spain", "Madrid", "No website at all", "", "", "",
     "", None),
    ("Mirelbridge Properties", "", "mirelbridge.es", "Real Estate", "22", "España", "Madrid",
     "Same name, only the domain column filled", "", "", "", "", "mirelbridge.es"),
    ("Birchfield Outfitters", "https://www.birchfield.com/", "birchfield.com", "Retail", "310", "USA",
     "New York", "", "", "2,000,000", "March 2020", "Silver", "birchfield.com"),
    ("BIRCHFIELD OUTFITTERS INC", "http://birchfield.com/contact", "", "Retail", "310", "US", "New York", "", "",
     "", "", "", "birchfield.com"),  # duplicate
    ("Birchfield", "WWW.BIRCHFIELD.COM.", "BIRCHFIELD.COM", "Retail", "", "", "", "Trailing dot, upper case", "",
     "", "", "", "birchfield.com"),  # duplicate
    ("Talvora Health Pty Ltd", "http://www.talvora.com.au:8080/", "talvora.com.au", "Healthcare", "140",
     "Australia", "Melbourne", "Port in the URL", "", "", "2023-01-09", "Bronze", "talvora.com.au"),
    ("Talvora Health", "talvora.com.au/careers", "", "Healthcare", "140", "AU", "Melbourne", "", "", "", "", "",
     "talvora.com.au"),  # duplicate
    ("Kestrel & Larch \"KL\" Advisors", "https://kestrel-larch.com", "kestrel-larch.com", "Professional Services",
     "31", "UK", "London", "Quotes in the name", "", "", "", "", "kestrel-larch.com"),
    ("Corvid Data", "https://guest@corvid-data.io/app", "", "Software", "55", "Ireland", "Dublin",
     "User info in the URL", "", "", "", "", "corvid-data.io"),
    ("Saffronby Kitchens", "www2.saffronby.com", "", "Hospitality", "64", "UK", "Manchester",
     "www2 is not www", "", "", "", "", "saffronby.com"),
    ("Aster Renewables", "https://www.aster-renewables.com", "aster-renewables.com", "Energy", "880", "Germany",
     "Berlin", "Solar parks, storage; grid services", "https://www.linkedin.com/company/aster-renewables",
     "120000000", "2014-05-20", "Platinum", "aster-renewables.com"),
    ("Aster Renewables GmbH", "aster-renewables.com/de/impressum", "", "Energy", "880", "DE", "Berlin", "", "",
     "", "", "", "aster-renewables.com"),  # duplicate
]

for row in SPECIAL:
    add_company(*row)

# Generated rows, with a few more duplicates of earlier generated companies mixed in.
while len(companies) < 200:
    if len(companies) > 80 and rng.random() < 0.04:
        original = rng.choice(companies[len(SPECIAL):])
        host = hosts[original["id"]]
        if host:
            add_company(original["Name"].upper() if rng.random() < 0.5 else original["Name"].split(" ")[0],
                        messy_website(host), "", original["Industry"], "", original["Country"], original["City"],
                        "Imported twice", "", "", "", "", host)
            continue
    add(generated_company())

# ---- contacts --------------------------------------------------------------------------------------
contacts = []
used_people = set()


def person():
    while True:
        f, l = rng.choice(FIRST), rng.choice(LAST)
        if (f, l) not in used_people:
            used_people.add((f, l))
            return f, l


def ascii_local(s):
    table = str.maketrans({"ë": "e", "é": "e", "ø": "o", "á": "a", "ó": "o", "ö": "o", "ü": "u", "í": "i",
                           "'": "", " ": ""})
    return s.lower().translate(table)


def email_for(first, last, host):
    style = rng.random()
    f, l = ascii_local(first), ascii_local(last)
    if style < 0.5:
        local = f"{f}.{l}"
    elif style < 0.7:
        local = f"{f[0]}{l}"
    elif style < 0.85:
        local = f
    else:
        local = f"{f}_{l}"
    return f"{local}@{host}"


def phone():
    r = rng.random()
    digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
    if r < 0.3:
        return ""
    if r < 0.5:
        return f"+44 20 {digits[:4]} {digits[4:8]}"
    if r < 0.7:
        return f"(555) {digits[:3]}-{digits[3:7]}"
    if r < 0.85:
        return f"+49 (0)30 {digits[:6]}"
    return f"0{digits[:4]} {digits[4:]} ext. {rng.randint(10, 99)}"


def website_reference(cid):
    """How the contact export names the company's website: often not the same text as the company row."""
    host = hosts[cid]
    company_site = next(c["Website"] for c in companies if c["id"] == cid)
    r = rng.random()
    if host is None or r < 0.3:
        return company_site.strip()
    if r < 0.6:
        return host
    if r < 0.8:
        return "www." + host
    return "https://" + host + "/"


company_ids = [c["id"] for c in companies]
while len(contacts) < 370:
    cid = rng.choice(company_ids)
    first, last = person()
    host = hosts[cid]
    email = email_for(first, last, host) if host else ""
    if email and rng.random() < 0.05:
        email = email.upper() if rng.random() < 0.5 else email.capitalize()
    if rng.random() < 0.06:
        email = ""
    link = rng.random()
    contacts.append({
        "First name": first if rng.random() < 0.97 else "",
        "Last name": last,
        "Email": email,
        "Job title": rng.choice(TITLES),
        "Phone": phone(),
        "Company Website": website_reference(cid) if link < 0.75 else "",
        "Company ID": cid if link > 0.35 else "",
    })

# Hand-made contacts: invalid e-mails, case duplicates, broken links.
SPECIAL_CONTACTS = [
    ("Tom", "Baker", "tom.baker@", "VP Sales", "", "quillmoor.co.uk", "C0001"),
    ("Nadia", "Rahman", "nadia@@ledgerly.io", "CFO", "", "ledgerly.io", ""),
    ("Ivo", "Petrov", "ivo at kesselwerk.de", "Einkauf", "+49 221 555010", "", "C0009"),
    ("Ruth", "Adeyemi", "ruth.adeyemi@localhost", "IT Manager", "", "", "C0027"),
    ("Carlos", "Mendes", "carlos.mendes@harperlowe", "Partner", "", "harperlowe.com.au", ""),
    ("Agnès", "Lefèvre", " agnes.lefevre@cinderfield.fr ", "Rédactrice en chef", "", "", "C0029"),
    ("Sean", "O'Connor", "sean.o'connor@wrenhaven.ie", "General Manager", "", "wrenhaven.ie", "C0020"),
    ("Mia", "Hoffmann", "mia.hoffmann@münchen-bäckerei.de", "Filialleitung", "", "münchen-bäckerei.de", "C0010"),
    ("Greta", "Lindqvist", "greta.lindqvist@aster-renewables.com", "Head of Procurement", "", "", "C0045"),
    ("Greta", "Lindqvist", "Greta.Lindqvist@Aster-Renewables.com", "Head of Procurement", "",
     "aster-renewables.com", ""),  # duplicate by case
    ("Paul", "Okafor", "PAUL.OKAFOR@BIRCHFIELD.COM", "Store Operations", "", "birchfield.com", "C0036"),
    ("Paul", "Okafor", "paul.okafor@birchfield.com", "Store Operations", "(555) 201-3344", "", "C0037"),  # dup
    ("Lena", "Vogt", "lena.vogt@kesselwerk.de", "Vertrieb", "", "www.kesselwerk.de", "C0009"),
    ("lena", "vogt", "Lena.Vogt@kesselwerk.de", "Vertrieb", "", "", "C0009"),  # duplicate by case
    ("Henry", "Ashdown", "", "Owner", "01632 960123", "thistlecombe.example", ""),  # no e-mail, unknown site
    ("Maeve", "Quinn", "", "Office Manager", "", "", "C0025"),
    ("Dev", "Anand", "dev.anand@corvid-data.io", "CTO", "", "", "C9999"),  # no such company id
    ("Sara", "Nilsson", "sara.nilsson@nowhere-known.se", "Buyer", "", "nowhere-known.se", ""),  # unknown company
    ("Jon", "Fairweather", "jon@orbitline.io", "Founder", "", "https://www.orbitline.io, https://orbitline.de", ""),
    ("Amara", "Diallo", "amara.diallo@ledgerly.io", "Head of RevOps", "", "LEDGERLY.IO", ""),
    ("Kenji", "Watanabe", "kenji.watanabe@pixelmoth.github.io", "Maintainer", "", "pixelmoth.github.io", ""),
    ("Zoë", "Hart", "zoe.hart@talvora.com.au", "Practice Manager", "+61 3 5550 1234", "talvora.com.au/careers", ""),
]
for f, l, e, t, p, w, c in SPECIAL_CONTACTS:
    contacts.append({"First name": f, "Last name": l, "Email": e, "Job title": t, "Phone": p,
                     "Company Website": w, "Company ID": c})
while len(contacts) < 400:  # a few more generated ones after the hand-made block
    cid = rng.choice(company_ids)
    first, last = person()
    host = hosts[cid]
    contacts.append({"First name": first, "Last name": last, "Email": email_for(first, last, host) if host else "",
                     "Job title": rng.choice(TITLES), "Phone": phone(), "Company Website": "", "Company ID": cid})


def write(path, rows):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(out.getvalue())


write(os.path.join(HERE, "companies.csv"), companies)
write(os.path.join(HERE, "contacts.csv"), contacts)
print(f"{len(companies)} companies, {len(contacts)} contacts")
