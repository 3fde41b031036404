// Targets and their progress (targets_reviewed events): validation of the ratings, the fold
// (one record per date, a later one of the same date wins, sorted by date), and the target list.
#include <doctest/doctest.h>

#include "engine/case_state.h"
#include "test_util.h"

using namespace cp;

namespace {
Json opened() {
    return {{"date", "2026-09-01"}, {"kind", "off_site_direction"}, {"pack", "worcestershire"}, {"pupil_name", "A"}};
}
int rating_problem_count(const Json& payload) {
    Problems p;
    validate_payload(EventType::targets_reviewed, payload, "f", "/e", p);
    for (const auto& x : p) MESSAGE(x.to_string());
    return static_cast<int>(p.size());
}
}  // namespace

TEST_CASE("targets/ratings-are-validated") {
    CHECK(rating_problem_count({{"date", "2026-10-05"},
                                {"ratings",
                                 {{{"target", "On time"}, {"rating", 3}},
                                  {{"target", "Homework"}, {"rating", 0}, {"note", "none"}}}}}) == 0);
    CHECK(rating_problem_count({{"date", "2026-10-05"}, {"ratings", {{{"target", "On time"}, {"rating", 5}}}}}) == 1);
    CHECK(rating_problem_count({{"date", "2026-10-05"}, {"ratings", {{{"target", "On time"}, {"rating", -1}}}}}) == 1);
    CHECK(rating_problem_count({{"date", "2026-10-05"}, {"ratings", {{{"target", ""}, {"rating", 2}}}}}) == 1);
    CHECK(rating_problem_count({{"date", "2026-10-05"}, {"ratings", {{{"rating", 2}}}}}) == 1);
    CHECK(rating_problem_count({{"date", "2026-10-05"}, {"ratings", {{{"target", "x"}, {"rating", "2"}}}}}) == 1);
    CHECK(rating_problem_count(
              {{"date", "2026-10-05"}, {"ratings", {{{"target", "x"}, {"rating", 2}, {"colour", "red"}}}}}) == 1);
    CHECK(rating_problem_count({{"date", "2026-10-05"}}) == 1);  // ratings are required
    CHECK(std::string(target_rating_label(4)) == "Met");
    CHECK(std::string(target_rating_label(0)) == "No progress");
    CHECK(std::string(target_rating_label(7)).empty());
}

TEST_CASE("targets/fold-keeps-one-record-per-date-in-date-order") {
    cptest::LogBuilder b;
    b.add(EventType::case_opened, opened());
    b.add(EventType::agreement_signed, {{"date", "2026-09-04"},
                                        {"start", "2026-09-14"},
                                        {"duration_weeks", 6},
                                        {"targets", {"Arrive on time", "Use the time-out card"}}});
    b.add(EventType::targets_reviewed,
          {{"date", "2026-11-09"}, {"ratings", {{{"target", "Arrive on time"}, {"rating", 4}}}}});
    b.add(EventType::targets_reviewed, {{"date", "2026-10-05"},
                                        {"ratings",
                                         {{{"target", "Arrive on time"}, {"rating", 1}},
                                          {{"target", "Use the time-out card"}, {"rating", 2}, {"note", "twice"}}}}});
    b.add(EventType::review_held,
          {{"date", "2026-10-05"}, {"outcome", "continue"}, {"targets", {"Complete homework"}}});
    b.add(EventType::targets_reviewed,
          {{"date", "2026-10-05"},
           {"ratings",
            {{{"target", "Arrive on time"}, {"rating", 2}}, {{"target", "Use the time-out card"}, {"rating", 2}}}}});
    const CaseState s = replay(b.c);
    REQUIRE(s.target_reviews.size() == 2);
    CHECK(s.target_reviews[0].date == cptest::d("2026-10-05"));
    CHECK(s.target_reviews[0].ratings[0].rating == 2);  // the later record of 05/10 wins
    CHECK(s.target_reviews[0].ratings[1].note.empty());
    CHECK(s.target_reviews[1].date == cptest::d("2026-11-09"));
    CHECK(s.target_reviews[1].ratings[0].rating == 4);
    const auto t = s.targets();
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "Arrive on time");
    CHECK(t[1] == "Use the time-out card");
    CHECK(t[2] == "Complete homework");
}

TEST_CASE("targets/a-retracted-record-stops-counting") {
    cptest::LogBuilder b;
    b.add(EventType::case_opened, opened());
    const std::string id = b.add(EventType::targets_reviewed,
                                 {{"date", "2026-10-05"}, {"ratings", {{{"target", "On time"}, {"rating", 3}}}}});
    CHECK(replay(b.c).target_reviews.size() == 1);
    b.add(EventType::retraction, {{"reason", "wrong case"}}, id);
    CHECK(replay(b.c).target_reviews.empty());
}
