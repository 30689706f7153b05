"""``python -m ltvkit.report``: the report command (:mod:`ltvkit.report.command`)."""

import sys

from ltvkit.report.command import main

sys.exit(main())
