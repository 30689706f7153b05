# %%
# The LTV workbook's calculators app, served by `make app` (Voila shows only the outputs). It speaks
# the language of LTVKIT_LANGUAGE (`make app LTVKIT_LANGUAGE=ru`): its text goes through tr() and
# the calculators through ltvkit's catalogue. Every calculator of ltvkit.calculators.REGISTRY
# appears, in the order of the course.
from IPython.display import HTML, Markdown, display

from ltvkit.calculators import all_calculators
from ltvkit.course import tr

display(HTML("<style>.ltv-error { color: #b42318; } .ltv-result { font-weight: 600; }</style>"))
display(Markdown(tr(
    "# LTV calculators\n\n"
    "The calculators of the LTV workbook, without the code: move a slider, or click the number next to it and "
    "type a value, and the result (and its chart) is recalculated. Each one starts from a worked example of the "
    "course; the line above it names the notebook that explains it. A value the formula does not allow (a churn "
    "of 0, a margin above 100%) shows a message in red instead of a result. To make the LTV report on your own "
    "order export, go to [Your data →](your_data.ipynb)."
)))
for notebook, factory in all_calculators():
    display(Markdown(tr("*Notebook {number}* · `{factory}()`", number=notebook[:2], factory=factory.__name__)))
    display(factory())
