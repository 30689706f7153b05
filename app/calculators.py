# %% [markdown]
# # LTV calculators
#
# The calculators of the LTV workbook, without the code: move a slider, or click the number
# next to it and type a value, and the result (and its chart) is recalculated. Each one starts
# from a worked example of the course; the line under its heading names the notebook that
# explains it. A value the formula does not allow (a churn of 0, a margin above 100%) shows
# a message in red instead of a result.
#
# Served by `make app` (Voila). Every calculator that `ltvkit.calculators` offers appears here,
# in the order of the course.

# %%
import inspect

from IPython.display import HTML, Markdown, display

from ltvkit import calculators

display(HTML("<style>.ltv-error { color: #b42318; } .ltv-result { font-weight: 600; }</style>"))
source_lines = inspect.getsource(calculators).splitlines()
factories = sorted(
    (
        function
        for name, function in inspect.getmembers(calculators, inspect.isfunction)
        if name.endswith("_calculator") and function.__module__ == calculators.__name__
    ),
    key=lambda function: inspect.getsourcelines(function)[1],
)
for factory in factories:
    first_line = inspect.getsourcelines(factory)[1]
    section = next((line for line in reversed(source_lines[:first_line]) if line.startswith("# --- ")), "")
    summary = (inspect.getdoc(factory) or factory.__name__).splitlines()[0]
    display(Markdown(f"### {summary}\n\n*Notebook {section.strip('# -')}* · `{factory.__name__}()`"))
    display(factory())
