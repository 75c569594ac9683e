// CLP reaches BLAS through the system's libblas.so.3; the planner links OpenBLAS so that the
// dense part of CLP's factorization resolves to OpenBLAS instead (CMakeLists.txt,
// PLANNER_OPENBLAS; 36 % of an n = 1,000 plan solve was reference dtrsm_). The dynamic linker
// binds CLP's calls to the first library in the process's global scope that defines the
// symbol; this asks it, as it would for CLP and CHOLMOD (whose supernodes call dsyrk_ and
// dpotrf_), where those routines come from.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <string>

TEST(OpenBlasLink, ClpsBlasAndLapackCallsGoToOpenBlas) {
#ifndef PLANNER_OPENBLAS_LINKED
  GTEST_SKIP() << "built without OpenBLAS (-DPLANNER_OPENBLAS=OFF or libopenblas0-pthread missing)";
#else
  for (const char* symbol : {"dtrsm_", "dgemm_", "dgetrf_", "dsyrk_", "dpotrf_"}) {
    void* f = dlsym(RTLD_DEFAULT, symbol);
    ASSERT_NE(f, nullptr) << symbol;
    Dl_info info{};
    ASSERT_NE(dladdr(f, &info), 0) << symbol;
    EXPECT_NE(std::string(info.dli_fname).find("openblas"), std::string::npos) << symbol << " from " << info.dli_fname;
  }
#endif
}
