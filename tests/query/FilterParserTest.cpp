#include "core/query/FilterParser.h"

#include <gtest/gtest.h>

using namespace syncdesk;

namespace {

FilterNode parseOk(const QString& expression) {
    FilterParser::Result r = FilterParser::parse(expression);
    EXPECT_TRUE(r.ok()) << expression.toStdString() << " -> " << r.error.describe(expression).toStdString();
    return r.ok() ? *r.filter : FilterNode();
}

FilterError parseError(const QString& expression) {
    FilterParser::Result r = FilterParser::parse(expression);
    EXPECT_FALSE(r.ok()) << expression.toStdString() << " parsed as "
                         << (r.ok() ? r.filter->toExpression().toStdString() : "");
    return r.error;
}

// A compact view of the tree: all(...), any(...), not(...), [field op values].
std::string shape(const FilterNode& n) {
    switch (n.kind) {
    case FilterNode::Kind::Condition: {
        std::string s = "[" + n.field.toStdString() + " " + filterOperatorText(n.op).toStdString();
        for (const FilterValue& v : n.values) {
            const char* kind = v.kind == FilterValue::Kind::Text     ? "t"
                               : v.kind == FilterValue::Kind::Number ? "n"
                                                                     : "d";
            s += std::string(" ") + kind + ":" + v.text.toStdString();
        }
        return s + "]";
    }
    case FilterNode::Kind::Not:
        return "not(" + shape(n.children.front()) + ")";
    case FilterNode::Kind::All:
    case FilterNode::Kind::Any: {
        std::string s = n.kind == FilterNode::Kind::All ? "all(" : "any(";
        for (size_t i = 0; i < n.children.size(); ++i)
            s += (i ? ", " : "") + shape(n.children[i]);
        return s + ")";
    }
    }
    return {};
}

std::string shapeOf(const QString& expression) {
    return shape(parseOk(expression));
}

} // namespace

TEST(FilterParser, ReadsTheExamplesOfTheBrief) {
    EXPECT_EQ(shapeOf(QStringLiteral("country = \"UK\" and employees > 50")),
              "all([country = t:UK], [employees > n:50])");
    EXPECT_EQ(shapeOf(QStringLiteral("name contains acme or website is empty")),
              "any([name contains t:acme], [website is empty])");
    EXPECT_EQ(shapeOf(QStringLiteral("industry in (\"Software\", \"Retail\")")),
              "[industry in t:Software t:Retail]");
    EXPECT_EQ(shapeOf(QStringLiteral("\"LinkedIn URL\" is not empty")), "[LinkedIn URL is not empty]");
}

TEST(FilterParser, NotBindsTighterThanAndWhichBindsTighterThanOr) {
    EXPECT_EQ(shapeOf(QStringLiteral("a = 1 or b = 2 and c = 3")),
              "any([a = n:1], all([b = n:2], [c = n:3]))");
    EXPECT_EQ(shapeOf(QStringLiteral("a = 1 and b = 2 or c = 3")),
              "any(all([a = n:1], [b = n:2]), [c = n:3])");
    EXPECT_EQ(shapeOf(QStringLiteral("not a = 1 and b = 2")), "all(not([a = n:1]), [b = n:2])");
    EXPECT_EQ(shapeOf(QStringLiteral("not not a = 1")), "not(not([a = n:1]))");
    EXPECT_EQ(shapeOf(QStringLiteral("(a = 1 or b = 2) and c = 3")),
              "all(any([a = n:1], [b = n:2]), [c = n:3])");
    EXPECT_EQ(shapeOf(QStringLiteral("not (a = 1 or b = 2)")), "not(any([a = n:1], [b = n:2]))");
    EXPECT_EQ(shapeOf(QStringLiteral("a = 1 or b = 2 or c = 3")), "any([a = n:1], [b = n:2], [c = n:3])");
    EXPECT_EQ(shapeOf(QStringLiteral("((a = 1))")), "[a = n:1]");
}

TEST(FilterParser, KeywordsAreCaseInsensitive) {
    EXPECT_EQ(shapeOf(QStringLiteral("A = 1 AND B Contains x Or NOT c IS NOT EMPTY and d In (1)")),
              "any(all([A = n:1], [B contains t:x]), all(not([c is not empty]), [d in n:1]))");
}

TEST(FilterParser, ReadsEveryOperator) {
    EXPECT_EQ(shapeOf(QStringLiteral("f = 1")), "[f = n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f == 1")), "[f = n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f != 1")), "[f != n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f <> 1")), "[f != n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f > 1")), "[f > n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f >= 1")), "[f >= n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f < 1")), "[f < n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f <= 1")), "[f <= n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f>=1")), "[f >= n:1]");
    EXPECT_EQ(shapeOf(QStringLiteral("f contains x")), "[f contains t:x]");
    EXPECT_EQ(shapeOf(QStringLiteral("f not contains x")), "not([f contains t:x])");
    EXPECT_EQ(shapeOf(QStringLiteral("f in (1, 2)")), "[f in n:1 n:2]");
    EXPECT_EQ(shapeOf(QStringLiteral("f not in (x)")), "not([f in t:x])");
    EXPECT_EQ(shapeOf(QStringLiteral("f is empty")), "[f is empty]");
    EXPECT_EQ(shapeOf(QStringLiteral("f is not empty")), "[f is not empty]");
}

TEST(FilterParser, ReadsLiterals) {
    EXPECT_EQ(shapeOf(QStringLiteral(R"(f = "say \"hi\" \\ now")")), "[f = t:say \"hi\" \\ now]");
    EXPECT_EQ(shapeOf(QStringLiteral(R"(f = 'it\'s')")), "[f = t:it's]");
    EXPECT_EQ(shapeOf(QStringLiteral(R"(f = 'say "hi"')")), "[f = t:say \"hi\"]");
    EXPECT_EQ(shapeOf(QStringLiteral(R"(f = "a\tb\nc")")), "[f = t:a\tb\nc]");
    EXPECT_EQ(shapeOf(QStringLiteral("f = \"\"")), "[f = t:]");
    EXPECT_EQ(shapeOf(QStringLiteral("f = -3.5")), "[f = n:-3.5]");
    EXPECT_EQ(shapeOf(QStringLiteral("f = 1e3")), "[f = n:1e3]");
    EXPECT_EQ(shapeOf(QStringLiteral("f > 2024-05-31")), "[f > d:2024-05-31]");
    EXPECT_EQ(shapeOf(QStringLiteral("f > 2024-05-31T10:30:00Z")), "[f > d:2024-05-31T10:30:00Z]");
    EXPECT_EQ(shapeOf(QStringLiteral("website = https://www.acme.example/about#team")),
              "[website = t:https://www.acme.example/about#team]");
    EXPECT_EQ(shapeOf(QStringLiteral("website = \"https://acme.example/?x=1\"")),
              "[website = t:https://acme.example/?x=1]");
    EXPECT_EQ(shapeOf(QStringLiteral("employees > 50k")), "[employees > t:50k]");
    EXPECT_EQ(shapeOf(QStringLiteral("city = München")), "[city = t:München]");
    EXPECT_EQ(shapeOf(QStringLiteral("  name\tcontains\n acme  ")), "[name contains t:acme]");
}

TEST(FilterParser, RecordsWhereFieldsAndValuesAre) {
    const FilterNode n = parseOk(QStringLiteral("country = \"UK\" and employees > 50"));
    ASSERT_EQ(n.children.size(), 2u);
    EXPECT_EQ(n.children[0].fieldPosition, 0);
    EXPECT_EQ(n.children[0].fieldLength, 7);
    EXPECT_EQ(n.children[0].values.front().position, 10);
    EXPECT_EQ(n.children[0].values.front().length, 4);
    EXPECT_EQ(n.children[1].fieldPosition, 19);
    EXPECT_EQ(n.children[1].values.front().position, 31);
}

TEST(FilterParser, ExpressionsReadBackToTheSameTree) {
    const QStringList expressions = {
        QStringLiteral("country = \"UK\" and employees > 50"),
        QStringLiteral("a = 1 or b = 2 and c = 3"),
        QStringLiteral("(a = 1 or b = 2) and not (c = 3 and d is empty)"),
        QStringLiteral("(a = 1 and b = 2) and c = 3"),
        QStringLiteral("a = 1 or (b = 2 or c = 3)"),
        QStringLiteral("\"LinkedIn URL\" is not empty and name not contains \"x \\\"y\\\"\""),
        QStringLiteral("industry not in (\"Software\", Retail) or created_at >= 2024-01-01"),
        QStringLiteral("\"and\" = \"or\""),
    };
    for (const QString& e : expressions) {
        const FilterNode first = parseOk(e);
        const QString written = first.toExpression();
        EXPECT_EQ(shapeOf(written), shape(first)) << e.toStdString() << " -> " << written.toStdString();
    }
    // Groups of one are printed as their member, keeping precedence right.
    FilterNode grouped = FilterNode::all(
        {FilterNode::all({FilterNode::any(
             {FilterNode::condition(QStringLiteral("a"), FilterOperator::Equal, QStringLiteral("1")),
              FilterNode::condition(QStringLiteral("b"), FilterOperator::Equal, QStringLiteral("2"))})}),
         FilterNode::condition(QStringLiteral("c"), FilterOperator::IsEmpty)});
    EXPECT_EQ(grouped.toExpression(), QStringLiteral("(a = \"1\" or b = \"2\") and c is empty"));
}

TEST(FilterParser, SyntaxErrorsNameThePositionAndWhatWasExpected) {
    struct Case {
        QString expression;
        int position;
        QString messageStart;
    };
    const Case cases[] = {
        {QStringLiteral("country = "), 10, QStringLiteral("expected a value")},
        {QStringLiteral("country = \"UK\" and"), 18, QStringLiteral("expected a condition")},
        {QStringLiteral("country \"UK\""), 8, QStringLiteral("expected an operator")},
        {QStringLiteral("(country = \"UK\""), 15, QStringLiteral("expected \"and\", \"or\" or \")\"")},
        {QStringLiteral("country = \"UK\")"), 14, QStringLiteral("expected \"and\", \"or\" or the end")},
        {QStringLiteral("country = \"UK"), 10, QStringLiteral("quoted text is not closed")},
        {QStringLiteral("name = \"a\\qb\""), 9, QStringLiteral("unknown escape \\q")},
        {QStringLiteral("industry in \"Retail\""), 12, QStringLiteral("expected \"(\"")},
        {QStringLiteral("industry in (\"a\" \"b\")"), 17, QStringLiteral("expected \",\" or \")\"")},
        {QStringLiteral("industry in ()"), 13, QStringLiteral("expected a value")},
        {QStringLiteral("name is full"), 8, QStringLiteral("expected \"empty\" or \"not empty\"")},
        {QStringLiteral("name is not there"), 12, QStringLiteral("expected \"empty\"")},
        {QStringLiteral("name not = 1"), 9, QStringLiteral("expected \"contains\" or \"in\"")},
        {QStringLiteral("country = and"), 10, QStringLiteral("expected a value, found the keyword 'and'")},
        {QStringLiteral("a = 1 b = 2"), 6, QStringLiteral("expected \"and\", \"or\" or the end")},
        {QStringLiteral("a ! 1"), 2, QStringLiteral("unexpected character '!'")},
        {QStringLiteral("created_at > 2024-02-30"), 13, QStringLiteral("2024-02-30 is not a valid date")},
        {QStringLiteral(""), 0, QStringLiteral("expected a condition")},
        {QStringLiteral("and"), 0, QStringLiteral("expected a condition")},
        {QStringLiteral("= 5"), 0, QStringLiteral("expected a condition")},
    };
    for (const Case& c : cases) {
        const FilterError e = parseError(c.expression);
        EXPECT_EQ(e.kind, FilterError::Kind::Syntax) << c.expression.toStdString();
        EXPECT_EQ(e.position, c.position) << c.expression.toStdString() << ": " << e.message.toStdString();
        EXPECT_TRUE(e.message.startsWith(c.messageStart))
            << c.expression.toStdString() << ": " << e.message.toStdString();
        EXPECT_FALSE(e.expected.isEmpty() && e.message.startsWith(QLatin1String("expected")))
            << c.expression.toStdString();
    }
}

TEST(FilterParser, DescribeShowsColumnAndCaret) {
    const QString expression = QStringLiteral("country = \"UK\" and employees >");
    const FilterError e = parseError(expression);
    EXPECT_EQ(e.column(expression), 31);
    EXPECT_EQ(e.expected, QStringLiteral("a value (\"quoted text\", a word, a number or a date)"));
    EXPECT_EQ(e.describe(expression),
              QStringLiteral(
                  "column 31: expected a value (\"quoted text\", a word, a number or a date), found the end"
                  " of the expression\n"
                  "  country = \"UK\" and employees >\n"
                  "                                ^"));

    const QString badWord = QStringLiteral("country = \"UK\" andd employees > 5");
    const FilterError w = parseError(badWord);
    EXPECT_EQ(w.describe(badWord),
              QStringLiteral("column 16: expected \"and\", \"or\" or the end of the expression,"
                             " found 'andd'\n"
                             "  country = \"UK\" andd employees > 5\n"
                             "                 ^^^^"));
}

TEST(FilterParser, MultiLineExpressionsReportLineAndColumn) {
    const QString expression = QStringLiteral("country = \"UK\"\n  and employees >> 5");
    const FilterError e = parseError(expression);
    EXPECT_EQ(e.line(expression), 2);
    EXPECT_EQ(e.column(expression), 18);
    EXPECT_TRUE(e.describe(expression).startsWith(QLatin1String("line 2, column 18: expected a value")))
        << e.describe(expression).toStdString();
    EXPECT_TRUE(
        e.describe(expression).endsWith(QLatin1String("\n    and employees >> 5\n                   ^")))
        << e.describe(expression).toStdString();
}

TEST(FilterParser, LongLinesAreCutAroundTheError) {
    QString expression;
    for (int i = 0; i < 20; ++i)
        expression += QStringLiteral("name = x%1 or ").arg(i);
    expression += QStringLiteral("name = ");
    const FilterError e = parseError(expression);
    const QStringList lines = e.describe(expression).split(u'\n');
    ASSERT_EQ(lines.size(), 3);
    EXPECT_LE(lines[1].size(), 2 + 3 + 70 + 3);
    EXPECT_TRUE(lines[1].startsWith(QLatin1String("  ...")));
    // The caret still sits under the end of the expression.
    EXPECT_EQ(lines[2].indexOf(u'^'), lines[1].size());
}

TEST(FilterParser, RefusesNestingDeeperThanTheLimit) {
    const QString deep = QString(FilterParser::maxDepth + 1, u'(') + QStringLiteral("a = 1") +
                         QString(FilterParser::maxDepth + 1, u')');
    const FilterError e = parseError(deep);
    EXPECT_TRUE(e.message.contains(QLatin1String("nests"))) << e.message.toStdString();
    const QString fine = QString(10, u'(') + QStringLiteral("a = 1") + QString(10, u')');
    EXPECT_EQ(shapeOf(fine), "[a = n:1]");
    QString nots;
    for (int i = 0; i < FilterParser::maxDepth + 1; ++i)
        nots += QStringLiteral("not ");
    parseError(nots + QStringLiteral("a = 1"));
}
