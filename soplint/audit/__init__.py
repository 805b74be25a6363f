"""`soplint audit`: many documents checked in parallel, scored, cached and reported.

`evaluation` scores one document on the Evaluasi Penerapan SOP AP; the other modules run the
audit (walk, pool, cache, streamed results) and write its reports.
"""
