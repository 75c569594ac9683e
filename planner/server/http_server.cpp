#include "planner/server/http_server.hpp"

#include <fmt/format.h>
// 50 students connecting at once must queue, not be reset: httplib listens with a backlog of 5.
#define CPPHTTPLIB_LISTEN_BACKLOG 128
#include <httplib.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include <chrono>
#include <thread>

#include "planner/model/error.hpp"

namespace planner::server {
namespace {

/// The body of an error httplib answers itself (413 over the payload limit, 400 for a request
/// it cannot parse …), in the API's form.
/// Written by the stop signals' handler, read by serve(): a byte means "stop".
int stop_pipe_write = -1;

extern "C" void on_stop_signal(int) {
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(stop_pipe_write, &byte, 1);  // async-signal-safe
}

std::string reason(int status, const Limits& limits) {
  if (status == 413) return fmt::format("the request body is larger than this server takes ({} bytes)", limits.max_body);
  if (status == 414) return "the request line is too long";
  if (status == 400) return "malformed HTTP request";
  return fmt::format("HTTP {}", status);
}

}  // namespace

void serve(const ServeOptions& options, const std::function<void(const std::string&, const Catalogue&)>& on_ready) {
  // SIGINT and SIGTERM write a byte to a pipe that this thread waits on. A handler, not
  // sigwait: a signal may land on a thread that existed before this function (OpenBLAS starts
  // its threads when the library loads) and would kill the process there. The server's own
  // threads start with the signals blocked, so a solve is not interrupted by the handler.
  int stop_pipe[2];
  if (::pipe2(stop_pipe, O_CLOEXEC) != 0) throw Error(ExitCode::solver_failure, "", "", "cannot create the stop pipe");
  stop_pipe_write = stop_pipe[1];
  struct sigaction on_stop {};
  on_stop.sa_handler = on_stop_signal;
  sigemptyset(&on_stop.sa_mask);
  on_stop.sa_flags = SA_RESTART;
  sigaction(SIGINT, &on_stop, nullptr);
  sigaction(SIGTERM, &on_stop, nullptr);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);

  const Catalogue catalogue(options.models_dir, options.plans_dir);
  const Api api(catalogue, options.limits);

  httplib::Server http;
  // Threads for connections: a few beyond the solve cap, so a full server still answers
  // "busy" and lists plans at once.
  const int threads = std::max(8, options.limits.max_solves + 4);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  http.set_payload_max_length(options.limits.max_body);
  http.set_tcp_nodelay(true);  // headers and body go out at once: no delayed-ACK stall per answer
  auto answer = [&api](const httplib::Request& req, httplib::Response& res) {
    const Response r = api.handle(req.method, req.path, req.body);
    res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    res.set_content(r.body, r.content_type);
  };
  http.Get(".*", answer);
  http.Post(".*", answer);
  http.Put(".*", answer);
  http.Delete(".*", answer);
  http.Patch(".*", answer);
  http.set_error_handler([&options](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    res.set_content(error_response(res.status, reason(res.status, options.limits)).body, kJson);
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(error_response(500, "internal error").body, kJson);
  });

  int port = options.port;
  if (port == 0) port = http.bind_to_any_port(options.host);
  else if (!http.bind_to_port(options.host, port)) port = -1;
  if (port <= 0)
    throw Error(ExitCode::usage, "", "--port",
                fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", options.host, options.port));
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // the listener and its pool inherit it
  std::thread listener([&http] { http.listen_after_bind(); });
  pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
  // httplib's stop() does nothing until the listener thread has marked the server running: a
  // SIGTERM right after the URL is printed (a script that only wanted the URL) would leave the
  // server listening for ever. Announce the URL only once stop() can take effect.
  while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string shown = options.host == "0.0.0.0" ? "127.0.0.1" : options.host;
  on_ready(fmt::format("http://{}:{}/", shown, port), catalogue);
  char byte = 0;
  while (::read(stop_pipe[0], &byte, 1) < 0 && errno == EINTR) {
  }
  http.stop();
  listener.join();
  ::close(stop_pipe[0]);
  ::close(stop_pipe[1]);
}

}  // namespace planner::server
