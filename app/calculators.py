# %% [markdown]
# # LTV calculators
#
# The calculators of the LTV workbook, without the code: move a slider, or click the number
# next to it and type a value, and the result (and its chart) is recalculated. Each one starts
# from a worked example of the course; the line under its heading names the notebook that
# explains it. A value the formula does not allow (a churn of 0, a margin above 100%) shows
# a message in red instead of a result.
#
# Served by `make app` (Voila). Every calculator of `ltvkit.calculators.REGISTRY` appears here,
# in the order of the course.

# %%
import inspect

from IPython.display import HTML, Markdown, display

from ltvkit.calculators import all_calculators

display(HTML("<style>.ltv-error { color: #b42318; } .ltv-result { font-weight: 600; }</style>"))
for notebook, factory in all_calculators():
    summary = (inspect.getdoc(factory) or factory.__name__).splitlines()[0]
    display(Markdown(f"### {summary}\n\n*Notebook {notebook.replace('_', ' ', 1)}* · `{factory.__name__}()`"))
    display(factory())
