#pragma once
// The uncertain numbers of a run's files, grouped into independent inputs, and how a point
// of the unit cube (one u in (0,1) per input) becomes the files read again with drawn values.
// An ungrouped number is an input of its own; the numbers of one `group` share one u (numbers
// from one source move together) and must share a distribution kind.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "planner/io/uncertain_reading.hpp"
#include "planner/model/uncertain_number.hpp"
#include "planner/uncertainty/distribution.hpp"

namespace planner::uncertainty {

/// One independent input: a group, or a single ungrouped number.
struct InputGroup {
  std::string name;                  ///< the group's name, or the number's key path
  std::vector<std::size_t> members;  ///< indices into UncertainInputs::numbers()
};

class UncertainInputs {
 public:
  UncertainInputs() = default;

  /// Runs `read()` (a reader of the run's files) once, collecting; returns what it read
  /// (nominal values) and keeps the numbers and texts. Throws a bad-input Error for a group
  /// whose members mix distribution kinds.
  template <class Read>
  static auto collect(Read read) {
    UncertainCollection collection;
    auto nominal = read();
    UncertainInputs inputs(collection.take_numbers(), collection.take_texts());
    return std::make_pair(std::move(nominal), std::move(inputs));
  }

  const std::vector<UncertainNumber>& numbers() const { return numbers_; }
  const std::vector<InputGroup>& groups() const { return groups_; }
  std::size_t size() const { return groups_.size(); }
  /// The texts of the files read, by path (what every draw reads).
  const std::map<std::string, std::string>& texts() const { return texts_; }

  /// The value of every number at the point `u` (one per group, each in (0,1)).
  std::vector<double> values(const std::vector<double>& u) const;

  /// Runs `read()` again with the numbers drawn at `u`.
  template <class Read>
  auto read_at(const std::vector<double>& u, Read read) const {
    const std::vector<double> drawn = values(u);
    UncertainDraw draw(numbers_, drawn, texts_);
    auto result = read();
    draw.check_complete();
    return result;
  }

 private:
  UncertainInputs(std::vector<UncertainNumber> numbers, std::map<std::string, std::string> texts);

  std::vector<UncertainNumber> numbers_;
  std::map<std::string, std::string> texts_;
  std::vector<InputGroup> groups_;
  std::vector<std::size_t> group_of_;  ///< number → its group
};

/// The sampling distribution of an uncertain number.
Distribution distribution_of(const UncertainNumber& number);

}  // namespace planner::uncertainty
