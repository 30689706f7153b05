"""Published probabilistic models of customer retention and purchasing, fitted by maximum likelihood.

Modules: ``sbg`` (shifted-beta-geometric retention), ``bgnbd`` (BG/NBD purchasing),
``gamma_gamma`` (spend per transaction). Each reproduces its paper's published figures.
"""
