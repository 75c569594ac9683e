// Every number in the USSR model and its plans must say where it comes from.
//
// Scans models/ussr-1928/*.toml and plans/fyp*.toml line by line. A line that assigns a
// number (a numeric literal outside comments and strings) passes when its trailing comment
// starts with `src: REF[, REF…]` or `assumption: why`, or, failing that, when every number on
// it sits in an inline table that has its own `source = "…"` key. Every REF must be listed
// in the Sources table of models/ussr-1928/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

/// A TOML line split into code (strings blanked to "") and its trailing comment.
struct SplitLine {
  std::string code;
  std::string comment;  ///< text after '#', trimmed; empty when there is none
  bool has_comment = false;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// Splits a line into code and comment; the contents of "…" and '…' strings are dropped.
SplitLine split_line(const std::string& line) {
  SplitLine out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '#') {
      out.has_comment = true;
      out.comment = trim(line.substr(i + 1));
      return out;
    }
    if (c == '"' || c == '\'') {
      out.code += "\"\"";
      for (++i; i < line.size() && line[i] != c; ++i)
        if (c == '"' && line[i] == '\\') ++i;  // basic strings have escapes, literal ones not
      continue;
    }
    out.code += c;
  }
  return out;
}

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

/// True when `code[i]` starts a numeric literal (not a digit inside a bare key like fyp1).
bool number_starts_at(const std::string& code, std::size_t i) {
  std::size_t j = i;
  if (code[j] == '+' || code[j] == '-') ++j;
  if (j >= code.size() || !std::isdigit(static_cast<unsigned char>(code[j]))) return false;
  return i == 0 || !(is_ident_char(code[i - 1]) || code[i - 1] == '.');
}

/// True when the code part (strings already blanked) contains a numeric literal.
bool assigns_number(const std::string& code) {
  for (std::size_t i = 0; i < code.size(); ++i)
    if (number_starts_at(code, i)) return true;
  return false;
}

/// True when every numeric literal on the line sits in an inline table with a `source` key.
bool numbers_covered_by_inline_source(const std::string& code) {
  struct Frame {
    bool has_number = false;
    bool has_source = false;
  };
  std::vector<Frame> stack(1);  // stack[0]: outside any inline table
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '{') {
      stack.emplace_back();
    } else if (c == '}') {
      if (stack.size() < 2) return false;
      const Frame f = stack.back();
      stack.pop_back();
      if (f.has_number && !f.has_source) return false;
    } else if (number_starts_at(code, i)) {
      stack.back().has_number = true;
      while (i + 1 < code.size() && (is_ident_char(code[i + 1]) || code[i + 1] == '.' || code[i + 1] == '+')) ++i;
    } else if (code.compare(i, 6, "source") == 0 && (i == 0 || !is_ident_char(code[i - 1])) &&
               (i + 6 >= code.size() || !is_ident_char(code[i + 6]))) {
      const auto eq = code.find_first_not_of(" \t", i + 6);
      if (eq != std::string::npos && code[eq] == '=') stack.back().has_source = true;
    }
  }
  return !stack[0].has_number;
}

/// References named by a comment `src: A, B (…); …`: the tokens before '(' or ';'.
std::vector<std::string> source_refs(const std::string& comment) {
  std::vector<std::string> refs;
  if (comment.rfind("src:", 0) != 0) return refs;
  std::string list = comment.substr(4);
  list = list.substr(0, std::min(list.find('('), list.find(';')));
  std::stringstream in(list);
  std::string token;
  while (std::getline(in, token, ',')) refs.push_back(trim(token));
  return refs;
}

/// A problem with one line, or "" when the line is fine.
std::string check_line(const std::string& line, const std::set<std::string>& defined_refs) {
  const SplitLine s = split_line(line);
  if (!assigns_number(s.code)) return "";
  const bool src = s.comment.rfind("src:", 0) == 0;
  const bool assumption = s.comment.rfind("assumption:", 0) == 0;
  if (src) {
    const auto refs = source_refs(s.comment);
    if (refs.empty()) return "`src:` names no reference";
    for (const auto& r : refs) {
      if (r.empty() || r.find(' ') != std::string::npos)
        return "malformed `src:` list \"" + s.comment + "\" (write `src: REF, REF (details)`)";
      if (!defined_refs.count(r)) return "reference \"" + r + "\" is not in the README's Sources table";
    }
    return "";
  }
  if (assumption) return "";
  if (numbers_covered_by_inline_source(s.code)) return "";
  return "assigns a number without `# src: REF` or `# assumption: why` (or `source = \"…\"` in its inline table)";
}

/// Refs in the first column of the table under "## Sources" in the README.
std::set<std::string> readme_refs(const fs::path& readme) {
  std::ifstream in(readme);
  std::set<std::string> refs;
  std::string line;
  bool in_sources = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      in_sources = line.find("Sources") != std::string::npos;
      continue;
    }
    if (!in_sources || line.rfind("|", 0) != 0) continue;
    const auto end = line.find('|', 1);
    if (end == std::string::npos) continue;
    std::string cell = line.substr(1, end - 1);
    cell.erase(std::remove_if(cell.begin(), cell.end(), [](char c) { return c == '*' || c == '`'; }), cell.end());
    cell = trim(cell);
    if (!cell.empty() && cell.find_first_of(" -:") != 0 && cell != "ref") refs.insert(cell);
  }
  return refs;
}

std::vector<fs::path> files_matching(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (e.path().extension() == ".toml" && name.rfind(prefix, 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const fs::path kRoot = PLANNER_SOURCE_DIR;
const std::set<std::string> kRefs = {"GP29", "AN77", "WD94"};

}  // namespace

TEST(UssrSourcesLineChecker, FlagsBareNumber) {
  EXPECT_NE(check_line("coal = 35.4", kRefs), "");
  EXPECT_NE(check_line("rows = [0.1, 0.2]   # a comment that is neither", kRefs), "");
  EXPECT_NE(check_line("x = { value = 1.0 }", kRefs), "");
  EXPECT_NE(check_line("  4.40, 6.16,", kRefs), "");
  EXPECT_NE(check_line("credit = -150.0", kRefs), "");
}

TEST(UssrSourcesLineChecker, FlagsUndefinedOrMalformedReference) {
  EXPECT_NE(check_line("coal = 35.4  # src: NOPE", kRefs), "");
  EXPECT_NE(check_line("coal = 35.4  # src: GP29, NOPE (table 2)", kRefs), "");
  EXPECT_NE(check_line("coal = 35.4  # src:", kRefs), "");
  EXPECT_NE(check_line("coal = 35.4  # src: the Gosplan book", kRefs), "");
}

TEST(UssrSourcesLineChecker, FlagsInlineTableWhoseNestedTableLacksSource) {
  EXPECT_NE(check_line(R"(coal = { value = 64.3, source = "a", alternatives = [ { value = 64.4 } ] })", kRefs), "");
}

TEST(UssrSourcesLineChecker, AcceptsSourcedLines) {
  EXPECT_EQ(check_line("coal = 35.4  # src: GP29", kRefs), "");
  EXPECT_EQ(check_line("coal = 35.4  # src: GP29, AN77 (ratio); assumption: rest", kRefs), "");
  EXPECT_EQ(check_line("lag = 2  # assumption: gestation", kRefs), "");
  EXPECT_EQ(check_line(R"(coal = { target = 75.0, source = "AN77 # not a comment" })", kRefs), "");
  EXPECT_EQ(check_line(R"(c = { value = 1, source = "s", alternatives = [ { value = 2, source = "t" } ] })", kRefs), "");
  EXPECT_EQ(check_line(R"(  { value = 132.9, year = 1938, source = "x" },)", kRefs), "");
}

TEST(UssrSourcesLineChecker, IgnoresLinesWithoutNumbers) {
  EXPECT_EQ(check_line(R"(name = "Plan 1928/29-1932/33")", kRefs), "");
  EXPECT_EQ(check_line("# 1,700 MW in a comment", kRefs), "");
  EXPECT_EQ(check_line("[[sector]]", kRefs), "");
  EXPECT_EQ(check_line("fyp1_flag = true", kRefs), "");
  EXPECT_EQ(check_line(R"(groups = ["heavy"])", kRefs), "");
}

TEST(UssrSources, ReadmeDefinesReferences) {
  const auto refs = readme_refs(kRoot / "models/ussr-1928/README.md");
  EXPECT_GE(refs.size(), 10u) << "no Sources table found in models/ussr-1928/README.md";
  EXPECT_TRUE(refs.count("GP29"));
}

TEST(UssrSources, EveryNumberInModelAndPlansHasASource) {
  const auto refs = readme_refs(kRoot / "models/ussr-1928/README.md");
  auto files = files_matching(kRoot / "models/ussr-1928", "");
  const auto plans = files_matching(kRoot / "plans", "fyp");
  ASSERT_FALSE(files.empty()) << "no models/ussr-1928/*.toml";
  ASSERT_FALSE(plans.empty()) << "no plans/fyp*.toml";
  files.insert(files.end(), plans.begin(), plans.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    ASSERT_TRUE(in) << "cannot read " << file;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      const std::string problem = check_line(line, refs);
      EXPECT_EQ(problem, "") << fs::relative(file, kRoot).string() << ":" << n << ": " << problem << "\n  " << line;
    }
  }
}
