"""`soplint serve`: a local web page that checks the documents a drafter drops on it.

The page calls the library (`soplint.load`, `soplint.checking.check_sop`, `soplint.annotate`,
the reporters) and holds no SOP logic of its own. `soplint.web.command` registers the
command without importing the web stack; `soplint.web.app` builds the Starlette app.
"""
