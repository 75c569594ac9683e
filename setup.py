"""Builds the Python package `planner` with scikit-build (pyproject.toml): CMake configures the
whole project with the module on and the tests off, and installs python/planner/_core into
the package next to its Python files (python/planner/)."""
from skbuild import setup

setup(
    packages=["planner"],
    package_dir={"": "python"},
    package_data={"planner": ["py.typed", "*.pyi"]},
    cmake_install_dir="python",
    cmake_args=["-DPLANNER_PYTHON=ON", "-DPLANNER_TESTS=OFF", "-DCMAKE_BUILD_TYPE=Release"],
    cmake_install_target="install",
)
