# %%
# The app's "Your data" page, served by `make app` (Voila shows only the outputs). It speaks the
# language of LTVKIT_LANGUAGE (`make app LTVKIT_LANGUAGE=ru`): its text goes through tr(), the page
# and the report's sections through ltvkit's catalogue.
from IPython.display import HTML, Markdown, display

from ltvkit.calculators import your_data_page
from ltvkit.course import tr

display(HTML("<style>.ltv-error { color: #b42318; } .ltv-reading { background: #f2f4f7; padding: 0.5em; }"
             " img.ltv-figure { max-width: 100%; } a.ltv-download { color: #175cd3; text-decoration: underline; }"
             "</style>"))
display(Markdown(tr(
    "# Your data: an LTV report on your own orders\n\n"
    "Upload your shop's or CRM's order export (CSV with any separator, UTF-8 or cp1251, or Excel; up to 50 MB), "
    "check the columns the page guessed, set your gross margin and currency, and press **Make the report**: the "
    "same sections as the report command (`python -m ltvkit.report`), each saying how to read it and which "
    "notebook of the course teaches it. Download the scored customer list and the report as one HTML page. The "
    "file stays in this page's kernel and is gone when you close the page. [← the calculators](calculators.ipynb)"
)))
page = your_data_page()
display(page.widget)
