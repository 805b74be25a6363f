"""The Excel reader (extra `soplint[xlsx]`): sheets, merged cells and the flowchart drawn over
them in, one neutral tree per SOP out."""

from soplint.reader.xlsx.read import read_xlsx

__all__ = ["read_xlsx"]
