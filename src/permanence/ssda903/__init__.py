"""Read DfE SSDA903 ("children looked after") returns, CSV or XML, into the domain model.

from permanence.ssda903 import load_return
ret = load_return("path/to/return/")     # a folder of CSVs, a CSV, an XML, or a list
ret.children["123456"].episodes
for problem in ret.problems: print(problem)
"""

from .loader import Return, load_return
from .problems import Problem, UnusableReturn

__all__ = ["Problem", "Return", "UnusableReturn", "load_return"]
