"""Executes a notebook of python/notebooks with nbclient (ctest: python.notebook.<name>), in a
temporary folder so its outputs (the HTML report) land there; fails on the first error."""
import os
import sys
import tempfile

import nbclient
import nbformat


def main(path: str) -> None:
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets ipykernel's debugger note
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as cwd:
        client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": cwd}})
        client.execute()
        made = sorted(os.listdir(cwd))
    print(f"{os.path.basename(path)}: {len(nb.cells)} cells executed; wrote {made or 'nothing'}")


if __name__ == "__main__":
    main(sys.argv[1])
