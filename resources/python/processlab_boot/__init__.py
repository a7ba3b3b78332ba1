# SPDX-License-Identifier: MIT
"""ProcessLab's bootstrap for running real Python (docs/python-runner.md).

Standard library only. The host puts this package on PYTHONPATH; `python -m processlab_boot
SCRIPT [args]` runs SCRIPT as __main__ after installing the hooks, and sitecustomize.py
installs them in every other Python process of the tree.
"""

MIN_PYTHON = (3, 9)
