"""The one compiled part of Xiezuo: the worksheet scanner of the registry import (src/xiezuo/core/_xlsxscan.c).

It is an accelerator, not a requirement: `optional=True` lets `pip install .` go on without a C compiler or
Python's headers, and the import then reads workbooks with calamine (see core/xlsxscan.py).
Everything else is declared in pyproject.toml; setuptools reads both.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("xiezuo.core._xlsxscan", ["src/xiezuo/core/_xlsxscan.c"], optional=True,
                             extra_compile_args=["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"])])
