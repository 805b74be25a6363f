"""The report formats and colour choices, as plain names: the command line offers them
without importing anything else."""

# "full" (findings by document with their text) and "concise" (one line per finding) are
# for people; "rich" is the former name of "full". The rest are for machines.
HUMAN_FORMATS = ("full", "concise", "rich")
FORMATS = (*HUMAN_FORMATS, "json", "json-lines", "sarif", "junit", "github", "csv", "summary")
COLORS = ("auto", "always", "never")
