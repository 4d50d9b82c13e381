"""The suite's own checks fail when what they name breaks (a check that passes on anything
proves nothing)."""

from __future__ import annotations

import pytest
from conftest import check_screenshot
from PIL import Image, ImageDraw


class StubPage:
    """What check_screenshot asks of a page: a 200 x 120 page with three lines of text, and a
    screenshot that `draw` paints."""

    TEXTS = [["H1. Review", 10, 10, 120, 30], ["P. score 82", 10, 40, 150, 56], ["LI. Fix first", 10, 70, 160, 86]]

    def __init__(self, draw):
        self.draw = draw

    def evaluate(self, script: str):
        if "clientWidth + 1" in script:
            return []  # nothing wider than the window
        if script == "document.documentElement.clientWidth":
            return 200
        if script == "document.documentElement.scrollHeight":
            return 120
        return self.TEXTS

    def screenshot(self, path: str, full_page: bool):
        picture = Image.new("RGB", (200, 120), "white")
        self.draw(picture)
        picture.save(path, "PNG")


def with_text(picture):
    pen = ImageDraw.Draw(picture)
    for _, left, top, _, _ in StubPage.TEXTS:
        pen.text((left + 2, top + 2), "Review 82", fill="black")


def test_a_screenshot_that_shows_the_text_passes(tmp_path):
    check_screenshot(StubPage(with_text), tmp_path / "ok.png")


@pytest.mark.parametrize(
    "draw",
    [
        lambda picture: None,  # blank: right size, nothing drawn
        lambda picture: picture.paste((0, 0, 0), (0, 0, 200, 120)),  # black
        lambda picture: ImageDraw.Draw(picture).text((10, 100), "elsewhere", fill="black"),  # not where the text is
    ],
    ids=["blank", "black", "text elsewhere"],
)
def test_a_screenshot_without_the_pages_text_fails(tmp_path, draw):
    with pytest.raises(AssertionError, match="not in the picture"):
        check_screenshot(StubPage(draw), tmp_path / "bad.png")


def test_a_screenshot_of_another_size_fails(tmp_path):
    page = StubPage(with_text)
    page.screenshot = lambda path, full_page: Image.new("RGB", (200, 300), "white").save(path, "PNG")
    with pytest.raises(AssertionError):
        check_screenshot(page, tmp_path / "tall.png")
