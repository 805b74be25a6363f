"""Narrative numbering on small in-memory trees: what a reader sees is what `number` says."""

from __future__ import annotations

from soplint.recognize.narrative import listed_steps
from soplint.tree import Paragraph, Where


def item(i: int, label: str, text: str, level: int = 0) -> Paragraph:
    return Paragraph(text=text, where=Where(paragraph=i), label=label, num_id="1", level=level)


def test_items_after_a_group_heading_keep_their_own_numbers() -> None:
    paragraphs = [
        item(0, "1.", "Do the software operation before moving stock."),
        item(1, "2.", "Stock-in:"),
        item(2, "2.1.", "Create a purchase order in the stock screen.", 1),
        item(3, "2.2.", "Enter each item and its weight.", 1),
        item(4, "3.", "Check the price list every month."),
        item(5, "4.", "Enter each customer's delivery address."),
    ]
    numbers = [step.number for step in listed_steps(paragraphs)]
    assert numbers == ["1", "2.1", "2.2", "3", "4"]
