#include "core/query/FilterParser.h"

#include <QRegularExpression>

namespace syncdesk {

namespace {

enum class TokenType { End, LeftParen, RightParen, Comma, Operator, String, Word, Number, Date, Keyword };
enum class Keyword { None, And, Or, Not, Contains, Is, Empty, In };

struct Token {
    TokenType type = TokenType::End;
    QString text; // strings unescaped; everything else as written
    int position = 0;
    int length = 0;
    Keyword keyword = Keyword::None;
    FilterOperator op = FilterOperator::Equal; // TokenType::Operator
};

Keyword keywordOf(const QString& word) {
    static const struct {
        const char* text;
        Keyword keyword;
    } keywords[] = {{"and", Keyword::And}, {"or", Keyword::Or},
                    {"not", Keyword::Not}, {"contains", Keyword::Contains},
                    {"is", Keyword::Is},   {"empty", Keyword::Empty},
                    {"in", Keyword::In}};
    for (const auto& k : keywords) {
        if (word.compare(QLatin1String(k.text), Qt::CaseInsensitive) == 0)
            return k.keyword;
    }
    return Keyword::None;
}

bool isBareChar(QChar c) {
    if (c.isSpace())
        return false;
    switch (c.unicode()) {
    case '"':
    case '\'':
    case '(':
    case ')':
    case ',':
    case '=':
    case '!':
    case '<':
    case '>':
        return false;
    default:
        return true;
    }
}

class Parser {
public:
    explicit Parser(QStringView source)
        : m_source(source) {}

    FilterParser::Result run() {
        FilterParser::Result result;
        if (!advance())
            return failure();
        std::optional<FilterNode> node = parseOr(0);
        if (!node)
            return failure();
        if (m_token.type != TokenType::End)
            return expected(FilterParser::tr("\"and\", \"or\" or the end of the expression"));
        result.filter = std::move(node);
        return result;
    }

private:
    // ---- errors -------------------------------------------------------------------------------

    FilterParser::Result failure() const {
        FilterParser::Result r;
        r.error = m_error;
        return r;
    }

    void fail(int position, int length, const QString& message, const QString& expectedWhat = QString()) {
        if (m_failed)
            return;
        m_failed = true;
        m_error.kind = FilterError::Kind::Syntax;
        m_error.position = position;
        m_error.length = qMax(1, length);
        m_error.message = message;
        m_error.expected = expectedWhat;
    }

    QString describeToken(const Token& t) const {
        if (t.type == TokenType::End)
            return FilterParser::tr("the end of the expression");
        return u'\'' + m_source.mid(t.position, t.length).toString() + u'\'';
    }

    // Records "expected X, found Y" at the current token; returns a failed result for convenience.
    FilterParser::Result expected(const QString& what) {
        fail(m_token.position, m_token.length,
             FilterParser::tr("expected %1, found %2").arg(what, describeToken(m_token)), what);
        return failure();
    }

    std::nullopt_t expectedNode(const QString& what) {
        expected(what);
        return std::nullopt;
    }

    // ---- lexer --------------------------------------------------------------------------------

    bool advance() {
        const qsizetype n = m_source.size();
        while (m_pos < n && m_source[m_pos].isSpace())
            ++m_pos;
        Token t;
        t.position = int(m_pos);
        if (m_pos >= n) {
            t.type = TokenType::End;
            t.length = 1;
            m_token = t;
            return true;
        }
        const QChar c = m_source[m_pos];
        auto single = [&](TokenType type) {
            t.type = type;
            t.length = 1;
            ++m_pos;
        };
        auto op = [&](FilterOperator o, int len) {
            t.type = TokenType::Operator;
            t.op = o;
            t.length = len;
            m_pos += len;
        };
        const QChar next = m_pos + 1 < n ? m_source[m_pos + 1] : QChar();
        switch (c.unicode()) {
        case '(':
            single(TokenType::LeftParen);
            break;
        case ')':
            single(TokenType::RightParen);
            break;
        case ',':
            single(TokenType::Comma);
            break;
        case '=':
            op(FilterOperator::Equal, next == u'=' ? 2 : 1);
            break;
        case '!':
            if (next != u'=') {
                fail(t.position, 1,
                     FilterParser::tr("unexpected character '!' (use != for \"not equal\" or the word not)"));
                return false;
            }
            op(FilterOperator::NotEqual, 2);
            break;
        case '<':
            if (next == u'>')
                op(FilterOperator::NotEqual, 2);
            else if (next == u'=')
                op(FilterOperator::LessOrEqual, 2);
            else
                op(FilterOperator::Less, 1);
            break;
        case '>':
            next == u'=' ? op(FilterOperator::GreaterOrEqual, 2) : op(FilterOperator::Greater, 1);
            break;
        case '"':
        case '\'':
            if (!lexString(t))
                return false;
            break;
        default:
            if (!lexBare(t))
                return false;
        }
        if (t.type != TokenType::String)
            t.text = m_source.mid(t.position, t.length).toString();
        if (t.type == TokenType::Word)
            t.keyword = keywordOf(t.text);
        if (t.keyword != Keyword::None)
            t.type = TokenType::Keyword;
        m_token = t;
        return true;
    }

    bool lexString(Token& t) {
        const QChar quote = m_source[m_pos];
        const qsizetype n = m_source.size();
        qsizetype i = m_pos + 1;
        QString text = QStringLiteral(""); // empty, not null: a null QString binds as SQL NULL
        while (i < n && m_source[i] != quote) {
            QChar c = m_source[i];
            if (c == u'\\') {
                if (i + 1 >= n)
                    break;
                const QChar e = m_source[i + 1];
                switch (e.unicode()) {
                case '\\':
                    c = u'\\';
                    break;
                case '"':
                    c = u'"';
                    break;
                case '\'':
                    c = u'\'';
                    break;
                case 'n':
                    c = u'\n';
                    break;
                case 't':
                    c = u'\t';
                    break;
                case 'r':
                    c = u'\r';
                    break;
                default:
                    fail(int(i), 2,
                         FilterParser::tr(
                             "unknown escape \\%1 in quoted text (known: \\\" \\' \\\\ \\n \\t \\r)")
                             .arg(e),
                         QStringLiteral("\\\" \\' \\\\ \\n \\t \\r"));
                    return false;
                }
                ++i;
            }
            text += c;
            ++i;
        }
        if (i >= n) {
            fail(t.position, int(n - t.position),
                 FilterParser::tr(
                     "quoted text is not closed: expected a closing %1 before the end of the expression")
                     .arg(quote),
                 QString(quote));
            return false;
        }
        t.type = TokenType::String;
        t.text = text;
        t.length = int(i + 1 - t.position);
        m_pos = i + 1;
        return true;
    }

    bool lexBare(Token& t) {
        const qsizetype n = m_source.size();
        qsizetype i = m_pos;
        while (i < n && isBareChar(m_source[i]))
            ++i;
        t.length = int(i - m_pos);
        const QStringView raw = m_source.mid(m_pos, i - m_pos);
        m_pos = i;

        static const QRegularExpression number(
            QStringLiteral("^-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
        static const QRegularExpression dateShape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(T.*)?$"));
        if (number.match(raw).hasMatch()) {
            t.type = TokenType::Number;
            return true;
        }
        if (dateShape.match(raw).hasMatch()) {
            if (!normalizeDateLiteral(raw)) {
                fail(t.position, t.length, FilterParser::tr("%1 is not a valid date").arg(raw.toString()),
                     FilterParser::tr("a date such as 2024-05-31"));
                return false;
            }
            t.type = TokenType::Date;
            return true;
        }
        t.type = TokenType::Word;
        return true;
    }

    // ---- grammar ------------------------------------------------------------------------------

    bool isKeyword(Keyword k) const { return m_token.type == TokenType::Keyword && m_token.keyword == k; }

    std::optional<FilterNode> parseOr(int depth) {
        std::optional<FilterNode> first = parseAnd(depth);
        if (!first)
            return std::nullopt;
        if (!isKeyword(Keyword::Or))
            return first;
        std::vector<FilterNode> children;
        children.push_back(std::move(*first));
        while (isKeyword(Keyword::Or)) {
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> next = parseAnd(depth);
            if (!next)
                return std::nullopt;
            children.push_back(std::move(*next));
        }
        return FilterNode::any(std::move(children));
    }

    std::optional<FilterNode> parseAnd(int depth) {
        std::optional<FilterNode> first = parseNot(depth);
        if (!first)
            return std::nullopt;
        if (!isKeyword(Keyword::And))
            return first;
        std::vector<FilterNode> children;
        children.push_back(std::move(*first));
        while (isKeyword(Keyword::And)) {
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> next = parseNot(depth);
            if (!next)
                return std::nullopt;
            children.push_back(std::move(*next));
        }
        return FilterNode::all(std::move(children));
    }

    std::optional<FilterNode> parseNot(int depth) {
        if (depth >= FilterParser::maxDepth) {
            fail(m_token.position, m_token.length,
                 FilterParser::tr("the expression nests parentheses and \"not\" more than %1 deep")
                     .arg(FilterParser::maxDepth));
            return std::nullopt;
        }
        if (isKeyword(Keyword::Not)) {
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> inner = parseNot(depth + 1);
            if (!inner)
                return std::nullopt;
            return FilterNode::negate(std::move(*inner));
        }
        return parsePrimary(depth);
    }

    std::optional<FilterNode> parsePrimary(int depth) {
        if (m_token.type == TokenType::LeftParen) {
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> inner = parseOr(depth + 1);
            if (!inner)
                return std::nullopt;
            if (m_token.type != TokenType::RightParen)
                return expectedNode(FilterParser::tr("\"and\", \"or\" or \")\""));
            if (!advance())
                return std::nullopt;
            return inner;
        }
        return parseCondition();
    }

    std::optional<FilterNode> parseCondition() {
        if (m_token.type != TokenType::Word && m_token.type != TokenType::String)
            return expectedNode(FilterParser::tr("a condition (a field name, \"(\" or \"not\")"));
        FilterNode node;
        node.kind = FilterNode::Kind::Condition;
        node.field = m_token.text;
        node.fieldPosition = m_token.position;
        node.fieldLength = m_token.length;
        if (node.field.trimmed().isEmpty())
            return expectedNode(FilterParser::tr("a field name"));
        if (!advance())
            return std::nullopt;

        bool negated = false;
        if (m_token.type == TokenType::Operator) {
            node.op = m_token.op;
            if (!advance())
                return std::nullopt;
            return withValue(std::move(node));
        }
        if (isKeyword(Keyword::Not)) {
            negated = true;
            if (!advance())
                return std::nullopt;
            if (!isKeyword(Keyword::Contains) && !isKeyword(Keyword::In))
                return expectedNode(FilterParser::tr("\"contains\" or \"in\" after \"not\""));
        }
        if (isKeyword(Keyword::Contains)) {
            node.op = FilterOperator::Contains;
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> c = withValue(std::move(node));
            if (c && negated)
                return FilterNode::negate(std::move(*c));
            return c;
        }
        if (isKeyword(Keyword::In)) {
            node.op = FilterOperator::In;
            if (!advance())
                return std::nullopt;
            std::optional<FilterNode> c = withList(std::move(node));
            if (c && negated)
                return FilterNode::negate(std::move(*c));
            return c;
        }
        if (isKeyword(Keyword::Is)) {
            if (!advance())
                return std::nullopt;
            node.op = FilterOperator::IsEmpty;
            if (isKeyword(Keyword::Not)) {
                node.op = FilterOperator::IsNotEmpty;
                if (!advance())
                    return std::nullopt;
                if (!isKeyword(Keyword::Empty))
                    return expectedNode(FilterParser::tr("\"empty\""));
            } else if (!isKeyword(Keyword::Empty)) {
                return expectedNode(FilterParser::tr("\"empty\" or \"not empty\""));
            }
            if (!advance())
                return std::nullopt;
            return node;
        }
        return expectedNode(
            FilterParser::tr("an operator (=, !=, >, >=, <, <=, contains, in, is empty, is not empty)"));
    }

    std::optional<FilterValue> parseValue() {
        FilterValue v;
        switch (m_token.type) {
        case TokenType::String:
        case TokenType::Word:
            v.kind = FilterValue::Kind::Text;
            break;
        case TokenType::Number:
            v.kind = FilterValue::Kind::Number;
            break;
        case TokenType::Date:
            v.kind = FilterValue::Kind::Date;
            break;
        case TokenType::Keyword:
            fail(m_token.position, m_token.length,
                 FilterParser::tr(
                     "expected a value, found the keyword %1 (put it in quotes to mean the text: \"%2\")")
                     .arg(describeToken(m_token), m_token.text),
                 FilterParser::tr("a value"));
            return std::nullopt;
        default:
            expected(FilterParser::tr("a value (\"quoted text\", a word, a number or a date)"));
            return std::nullopt;
        }
        v.text = m_token.text;
        v.position = m_token.position;
        v.length = m_token.length;
        if (!advance())
            return std::nullopt;
        return v;
    }

    std::optional<FilterNode> withValue(FilterNode node) {
        std::optional<FilterValue> v = parseValue();
        if (!v)
            return std::nullopt;
        node.values.push_back(std::move(*v));
        return node;
    }

    std::optional<FilterNode> withList(FilterNode node) {
        if (m_token.type != TokenType::LeftParen)
            return expectedNode(FilterParser::tr("\"(\" to start the list of values"));
        if (!advance())
            return std::nullopt;
        while (true) {
            std::optional<FilterValue> v = parseValue();
            if (!v)
                return std::nullopt;
            node.values.push_back(std::move(*v));
            if (m_token.type == TokenType::RightParen)
                break;
            if (m_token.type != TokenType::Comma)
                return expectedNode(FilterParser::tr("\",\" or \")\""));
            if (!advance())
                return std::nullopt;
        }
        if (!advance())
            return std::nullopt;
        return node;
    }

    QStringView m_source;
    qsizetype m_pos = 0;
    Token m_token;
    bool m_failed = false;
    FilterError m_error;
};

} // namespace

FilterParser::Result FilterParser::parse(QStringView expression) {
    return Parser(expression).run();
}

} // namespace syncdesk
