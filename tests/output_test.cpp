// Tests of planner/io/output.cpp and the files guarantees of issue #6 (docs/reliability.md):
// two identical runs give byte-identical outputs in every format; an existing --out file
// survives a failing run unchanged; an input is never overwritten; an interrupt leaves no
// temporary file and no partial output.
#include "planner/io/output.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "planner/model/error.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

/// Runs `planner ARGS` in the source folder; returns the exit code (stderr to `err`).
int run_cli(const std::string& args, std::string* err = nullptr) {
  const fs::path err_file = planner::test::scratch_dir("output_test") / "stderr";
  const std::string cmd = std::string("cd ") + PLANNER_SOURCE_DIR + " && " + PLANNER_CLI + " " + args +
                          " >/dev/null 2>" + err_file.string();
  const int status = std::system(cmd.c_str());
  if (err) *err = slurp(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// Files in `dir` whose name holds ".tmp." (temporaries of write_file_atomically).
int temporaries_in(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().find(".tmp.") != std::string::npos;
  return n;
}

struct Invocation {
  const char* command;  ///< subcommand and inputs
  const char* format;
};

class Determinism : public ::testing::TestWithParam<Invocation> {};

TEST_P(Determinism, TwoRunsGiveTheSameBytes) {
  const Invocation& r = GetParam();
  const fs::path dir = planner::test::scratch_dir("output_determinism");
  const std::string ext = r.format;
  const fs::path a = dir / ("first." + ext), b = dir / ("second." + ext);
  fs::remove(a);
  fs::remove(b);
  const std::string args = std::string(r.command) + " --format " + r.format + " --out ";
  std::string err;
  ASSERT_EQ(run_cli(args + a.string(), &err), 0) << err;
  ASSERT_EQ(run_cli(args + b.string(), &err), 0) << err;
  const std::string first = slurp(a), second = slurp(b);
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second) << a << " and " << b << " differ";
  EXPECT_EQ(temporaries_in(dir), 0);
}

const char* kAnalyze = "analyze models/eurostat-germany-1995/model.toml";
const char* kSolve = "solve plans/williams-max-capacity.toml";
const char* kCompare = "compare plans/fyp1-stated-goals.toml plans/fyp1-gosplan-optimal.toml";

INSTANTIATE_TEST_SUITE_P(
    EveryFormat, Determinism,
    ::testing::Values(Invocation{kAnalyze, "table"}, Invocation{kAnalyze, "csv"}, Invocation{kAnalyze, "json"}, Invocation{kAnalyze, "md"},
                      Invocation{kSolve, "table"}, Invocation{kSolve, "csv"}, Invocation{kSolve, "json"}, Invocation{kSolve, "md"},
                      Invocation{kCompare, "table"}, Invocation{kCompare, "csv"}, Invocation{kCompare, "json"}, Invocation{kCompare, "md"},
                      Invocation{kCompare, "html"}),
    [](const ::testing::TestParamInfo<Invocation>& p) {
      return std::string(p.param.command).substr(0, std::string(p.param.command).find(' ')) + "_" +
             p.param.format;
    });

TEST(Output, AnExistingOutputSurvivesAFailingRun) {
  const fs::path dir = planner::test::scratch_dir("output_survives");
  const fs::path out = dir / "report.json";
  write(out, "the previous report\n");
  std::string err;
  EXPECT_EQ(run_cli("analyze tests/bad_inputs/nan_output.toml --format json --out " + out.string(), &err), 2);
  EXPECT_NE(err.find("nan_output.toml"), std::string::npos) << err;
  EXPECT_EQ(slurp(out), "the previous report\n");
  EXPECT_EQ(run_cli("solve tests/bad_inputs/plan_infeasible_labour.toml --format json --out " + out.string(), &err), 3) << err;
  EXPECT_EQ(temporaries_in(dir), 0);
}

TEST(Output, AnInputIsNeverOverwritten) {
  const fs::path dir = planner::test::scratch_dir("output_input");
  const fs::path source = fs::path(PLANNER_SOURCE_DIR) / "models" / "miller-blair-2";
  fs::copy_file(source / "model.toml", dir / "model.toml", fs::copy_options::overwrite_existing);
  fs::copy_file(source / "flows.csv", dir / "flows.csv", fs::copy_options::overwrite_existing);
  const std::string model = slurp(dir / "model.toml"), flows = slurp(dir / "flows.csv");
  std::string err;
  // The model itself, spelled differently, and the CSV it reads.
  for (const fs::path& out : {dir / "model.toml", dir / "." / "model.toml", dir / "flows.csv"}) {
    EXPECT_EQ(run_cli("analyze " + (dir / "model.toml").string() + " --format csv --out " + out.string(), &err), 1) << out;
    EXPECT_NE(err.find("refusing to overwrite"), std::string::npos) << err;
    EXPECT_NE(err.find(out.string() + ":--out"), std::string::npos) << err;
  }
  // A plan and the model it names.
  const fs::path plan = dir / "plan.toml";
  write(plan, "model = \"" + std::string(PLANNER_SOURCE_DIR) + "/models/williams/model.toml\"\nyears = 5\n"
              "terminal = \"steady-state\"\n[objective]\nkind = \"max-capacity\"\n");
  const std::string plan_text = slurp(plan);
  EXPECT_EQ(run_cli("solve " + plan.string() + " --out " + plan.string(), &err), 1) << err;
  EXPECT_EQ(slurp(plan), plan_text);
  EXPECT_EQ(slurp(dir / "model.toml"), model);
  EXPECT_EQ(slurp(dir / "flows.csv"), flows);
  EXPECT_EQ(temporaries_in(dir), 0);
}

TEST(Output, WriteFileAtomicallyRefusesANotedInput) {
  const fs::path dir = planner::test::scratch_dir("output_noted");
  const fs::path input = dir / "input.csv";
  write(input, "sector,a\na,1\n");
  planner::note_input_file(input);
  try {
    planner::write_file_atomically(input, "overwritten");
    ADD_FAILURE() << "expected an Error";
  } catch (const planner::Error& e) {
    EXPECT_EQ(e.code(), planner::ExitCode::usage);
  }
  EXPECT_EQ(slurp(input), "sector,a\na,1\n");
  planner::write_file_atomically(dir / "output.csv", "fresh");
  EXPECT_EQ(slurp(dir / "output.csv"), "fresh");
}

// Ctrl-C while the output is being written: the CLI is stopped while its temporary file is
// open. To hold it there, the test puts a FIFO where the temporary file will be (its name
// holds the process id, which exec keeps): opening it for writing blocks until a reader
// comes, which none does. SIGINT must remove it and leave the old output as it was.
TEST(Output, InterruptLeavesNoTemporaryAndTheOldOutput) {
  const fs::path dir = planner::test::scratch_dir("output_interrupt");
  const fs::path out = dir / "report.json";
  write(out, "the previous report\n");
  int go[2];
  ASSERT_EQ(::pipe(go), 0);
  const std::string model = std::string(PLANNER_SOURCE_DIR) + "/models/miller-blair-2/model.toml";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(go[1]);
    char c;
    if (::read(go[0], &c, 1) != 1) ::_exit(99);
    ::execl(PLANNER_CLI, PLANNER_CLI, "analyze", model.c_str(), "--format", "json", "--out", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(98);
  }
  ::close(go[0]);
  struct Reaper {  // a failed assertion must not leave the child blocked on the FIFO
    pid_t pid;
    ~Reaper() {
      if (pid > 0 && ::kill(pid, SIGKILL) == 0) ::waitpid(pid, nullptr, 0);
    }
  } reaper{child};
  const fs::path fifo = dir / (".report.json.tmp." + std::to_string(child));
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_EQ(::write(go[1], "x", 1), 1);
  ::close(go[1]);
  // Wait until the child is blocked opening the FIFO: /proc/PID/syscall starts with the
  // number of openat (257 on x86-64) while it waits there; seen 8 times in a row (200 ms),
  // so a passing open of an input file is not mistaken for it.
  int status = 0;
  bool exited = false, blocked = false;
  for (int i = 0, seen = 0; i < 2400 && !exited && !blocked; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    exited = ::waitpid(child, &status, WNOHANG) == child;
    const std::string call = slurp("/proc/" + std::to_string(child) + "/syscall");
    seen = (call.rfind("257 ", 0) == 0 || call.rfind("2 ", 0) == 0) ? seen + 1 : 0;
    blocked = seen >= 8;
  }
  if (exited) reaper.pid = 0;
  ASSERT_FALSE(exited) << "the CLI finished without opening its temporary file";
  ASSERT_TRUE(blocked) << "the CLI did not reach its temporary file in 60 s";
  ASSERT_EQ(::kill(child, SIGINT), 0);
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  reaper.pid = 0;
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << "status " << status;
  EXPECT_FALSE(fs::exists(fs::symlink_status(fifo))) << "the temporary file was left behind";
  EXPECT_EQ(slurp(out), "the previous report\n");
  EXPECT_EQ(temporaries_in(dir), 0);
}

}  // namespace

// `--out /dev/null` (or a pipe) is written into, not replaced by a plain file: as root, a rename
// over /dev/null broke it for every program on the machine. A FIFO stands in for the device.
TEST(Output, ADeviceOrPipeIsWrittenIntoNotReplaced) {
  const fs::path dir = planner::test::scratch_dir("output_fifo");
  const fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // lets the writer open without blocking
  ASSERT_GE(reader, 0);
  planner::write_file_atomically(fifo, "abc");
  char buffer[8] = {};
  EXPECT_EQ(::read(reader, buffer, sizeof buffer), 3);
  EXPECT_EQ(std::string(buffer), "abc");
  ::close(reader);
  EXPECT_TRUE(fs::is_fifo(fifo)) << "the pipe was replaced";
  fs::remove_all(dir);
}
