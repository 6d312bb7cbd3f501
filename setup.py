"""The one compiled part of Xiezuo: the worksheet scanner of the registry import (src/xiezuo/core/_xlsxscan.c).

Everything else is declared in pyproject.toml; setuptools reads both.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("xiezuo.core._xlsxscan", ["src/xiezuo/core/_xlsxscan.c"],
                             extra_compile_args=["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"])])
