"""Judging a graph by hand: samples to judge (``kg sample``) and the scores of judged ones."""
