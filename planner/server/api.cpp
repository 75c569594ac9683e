#include "planner/server/api.hpp"

#include <fmt/format.h>

#include <semaphore>
#include <sstream>
#include <vector>

#include "planner/analysis/static_analysis.hpp"
#include "planner/io/json.hpp"
#include "planner/io/model_reader.hpp"
#include "planner/io/plan_edits.hpp"
#include "planner/lp/solve_plan.hpp"
#include "planner/model/error.hpp"
#include "planner/report/comparison.hpp"
#include "planner/report/comparison_format.hpp"
#include "planner/report/comparison_solve.hpp"
#include "planner/server/page_assets.hpp"
#include "planner/server/solve_answer.hpp"

namespace planner::server {

using nlohmann::json;

/// The cap on solves running at once: a request that finds it full is refused, not queued,
/// so a class hammering one server gets quick 503s instead of a growing backlog.
struct Api::Gate {
  explicit Gate(int n) : slots(n) {}
  std::counting_semaphore<4096> slots;
};

namespace {

/// A request the client got wrong: answered with `status` and the message.
struct RequestError {
  int status;
  std::string message;
};

/// A slot of the gate, given back when the request ends (answered or thrown).
struct Ticket {
  std::counting_semaphore<4096>& slots;
  ~Ticket() { slots.release(); }
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '/');)
    if (!part.empty()) parts.push_back(part);
  return parts;
}

Response json_response(const json& value, int status = 200) {
  Response r;
  r.status = status;
  r.body = dump_json(value);
  return r;
}

/// The body as a JSON object ({} when empty).
json parse_body(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
  json value;
  try {
    value = json::parse(body);
  } catch (const json::parse_error& e) {
    throw RequestError{400, fmt::format("the request body is not JSON: {}", e.what())};
  }
  if (!value.is_object()) throw RequestError{400, "the request body must be a JSON object, e.g. {\"edits\": []}"};
  return value;
}

/// body.edits: [{"id": "goal.electricity", "value": 33.0}, …].
std::vector<PlanEdit> read_edits(const json& body) {
  std::vector<PlanEdit> edits;
  if (!body.contains("edits")) return edits;
  const json& list = body["edits"];
  if (!list.is_array()) throw RequestError{400, "\"edits\" must be a list of {\"id\": \"…\", \"value\": number}"};
  for (std::size_t k = 0; k < list.size(); ++k) {
    const json& e = list[k];
    if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || !e.contains("value") || !e["value"].is_number())
      throw RequestError{400, fmt::format("edits[{}] must be {{\"id\": \"…\", \"value\": number}}", k)};
    edits.push_back({e["id"].get<std::string>(), e["value"].get<double>()});
  }
  return edits;
}

bool flag(const json& body, const char* key) {
  if (!body.contains(key)) return false;
  if (!body[key].is_boolean()) throw RequestError{400, fmt::format("\"{}\" must be true or false", key)};
  return body[key].get<bool>();
}

json number_json(const EditableNumber& n) {
  json j{{"id", n.id}, {"kind", n.kind}, {"label", n.label}, {"unit", n.unit}, {"subject", n.subject}, {"value", n.value}};
  if (n.year) j["year"] = n.year;
  return j;
}

}  // namespace

Response error_response(int status, const std::string& message) { return json_response(json{{"error", message}}, status); }

Api::Api(const Catalogue& catalogue, Limits limits)
    : catalogue_(catalogue), limits_(limits), gate_(std::make_unique<Gate>(std::max(1, limits.max_solves))) {}

Api::~Api() = default;

Response Api::handle(const std::string& method, const std::string& raw_path, const std::string& body) const {
  const auto parts = split_path(raw_path);
  std::string path;  // without empty segments: "//api/plans/" reads "/api/plans"
  for (const auto& p : parts) path += "/" + p;
  if (path.empty()) path = "/";
  auto need = [&](const char* m) {
    if (method != m) throw RequestError{405, fmt::format("{} takes {}, not {}", path, m, method)};
  };
  auto plan_entry = [&](const std::string& id) {
    const PlanEntry* p = catalogue_.plan(id);
    if (!p) throw RequestError{404, fmt::format("no plan \"{}\" (GET /api/plans lists them)", id)};
    return p;
  };
  // A solve-like request: takes a slot or is refused; the limits hold for each LP it solves.
  auto solve_options = [&] {
    lp::SolveOptions o;
    o.time_limit = limits_.time_limit;
    o.iteration_limit = limits_.iteration_limit;
    return o;
  };
  auto busy = [&]() -> Response {
    Response r = error_response(503, fmt::format("busy: {} solve(s) are running, the most this server runs at once; "
                                                 "try again in a moment", limits_.max_solves));
    r.headers["Retry-After"] = "1";
    return r;
  };
  auto limit_hit = [&](const std::string& message) {
    return error_response(422, fmt::format("the solve stopped at the server's limit ({} s, {} iterations per LP): {}",
                                           limits_.time_limit, limits_.iteration_limit, message));
  };
  try {
    if (parts.empty() || parts[0] != "api") {
      need("GET");
      for (const auto& a : page_assets())
        if (a.path == path || (path == "/index.html" && a.path == "/")) {
          Response r;
          r.content_type = std::string(a.content_type);
          r.body = std::string(a.body);
          return r;
        }
      throw RequestError{404, fmt::format("no page {}", path)};
    }
    if (body.size() > limits_.max_body)
      throw RequestError{413, fmt::format("the request body has {} bytes; this server takes at most {}", body.size(), limits_.max_body)};

    if (parts.size() == 2 && parts[1] == "models") {
      need("GET");
      json list = json::array();
      for (const auto& m : catalogue_.models()) list.push_back({{"id", m.id}, {"name", m.name}, {"sectors", m.sectors}});
      return json_response(json{{"models", list}});
    }
    if (parts.size() == 2 && parts[1] == "plans") {
      need("GET");
      json list = json::array();
      for (const auto& p : catalogue_.plans())
        list.push_back({{"id", p.id}, {"name", p.name}, {"model", p.model}, {"objective", p.objective}});
      return json_response(json{{"plans", list}});
    }
    if (parts.size() == 2 && parts[1] == "limits") {
      need("GET");
      return json_response(json{{"max_body", limits_.max_body}, {"max_solves", limits_.max_solves},
                                {"time_limit", limits_.time_limit}, {"iteration_limit", limits_.iteration_limit}});
    }
    if (parts.size() == 4 && parts[1] == "models" && parts[3] == "analyze") {
      need("GET");
      const ModelEntry* m = catalogue_.model(parts[2]);
      if (!m) throw RequestError{404, fmt::format("no model \"{}\" (GET /api/models lists them)", parts[2])};
      if (!gate_->slots.try_acquire()) return busy();
      Ticket ticket{gate_->slots};
      return json_response(analysis_json(analysis::analyze(read_model(m->file))));
    }
    if (parts.size() == 3 && parts[1] == "plans") {
      need("GET");
      const PlanEntry* p = plan_entry(parts[2]);
      const Plan& plan = p->plan;
      json numbers = json::array();
      for (const auto& n : editable_numbers(plan)) numbers.push_back(number_json(n));
      json years = json::array();
      for (int t = 0; t <= plan.horizon(); ++t) years.push_back(plan.calendar_year(t));
      return json_response(json{{"id", p->id}, {"name", plan.name}, {"model", p->model}, {"description", plan.description},
                                {"objective", to_string(plan.objective.kind)}, {"base_year", plan.calendar_year(0)},
                                {"goal_year", plan.calendar_year(plan.years)}, {"years", years},
                                {"sectors", plan.economy.sector_ids()}, {"numbers", numbers}});
    }
    if (parts.size() == 4 && parts[1] == "plans") {
      const std::string& action = parts[3];
      if (action != "solve" && action != "compare" && action != "toml")
        throw RequestError{404, fmt::format("no action \"{}\" on a plan (solve, compare, toml)", action)};
      need("POST");
      const PlanEntry* p = plan_entry(parts[2]);
      const json request = parse_body(body);
      const auto edits = read_edits(request);
      const std::string text = edited_plan_toml(p->text, p->plan, edits, fmt::format("plans/{}.toml, edited in planner serve", p->id));
      const Plan plan = catalogue_.read_edited(*p, text);
      if (action == "toml") {
        Response r;
        r.content_type = "application/toml";
        r.body = text;
        r.headers["Content-Disposition"] = fmt::format("attachment; filename=\"{}-edited.toml\"", p->id);
        return r;
      }
      if (!gate_->slots.try_acquire()) return busy();
      Ticket ticket{gate_->slots};
      if (action == "solve") {
        const lp::PlanResult r = lp::solve_plan(plan, solve_options());
        if (r.status == "iteration-limit") return limit_hit(r.message);
        return json_response(solve_answer(plan, r));
      }
      // compare: the edited plan, then any other plans named in "with", side by side.
      std::vector<Plan> plans{plan};
      if (request.contains("with")) {
        if (!request["with"].is_array()) throw RequestError{400, "\"with\" must be a list of plan ids"};
        for (const auto& id : request["with"]) {
          if (!id.is_string()) throw RequestError{400, "\"with\" must be a list of plan ids"};
          plans.push_back(plan_entry(id.get<std::string>())->plan);
        }
      }
      ComparisonOptions options;
      const lp::SolveOptions o = solve_options();
      if (flag(request, "frontiers")) options.frontier = frontier_with_clp(o);
      if (flag(request, "history")) options.history = history_with_clp(o);
      std::string stopped;
      const PlanSolver solver = [&](const Plan& each) {
        lp::PlanResult r = lp::solve_plan(each, o);
        if (r.status == "iteration-limit") stopped = r.message;
        return summarise(each, r);
      };
      const Comparison c = compare_plans(plans, options, solver);
      if (!stopped.empty()) return limit_hit(stopped);
      Response r;
      r.body = comparison_to_json(c).dump(2) + "\n";  // as `planner compare --format json` prints it
      return r;
    }
    throw RequestError{404, fmt::format("no API route {} (docs/server.md lists them)", path)};
  } catch (const RequestError& e) {
    return error_response(e.status, e.message);
  } catch (const Error& e) {
    // Bad input: an edit the plan reader refuses (a negative capacity, …).
    return error_response(e.code() == ExitCode::bad_input || e.code() == ExitCode::usage ? 400 : 500, e.what());
  } catch (const std::exception& e) {
    return error_response(500, fmt::format("internal error: {}", e.what()));
  }
}

}  // namespace planner::server
