"""What Manage messages says after restoring Tend's own messages."""

from views.messages.message_edits import restored_words


def test_restoring_says_how_many_came_back_or_that_none_needed_to():
    assert restored_words(3) == "Restored 3 of Tend's messages as it wrote them."
    assert restored_words(0) == "Tend's messages are all as it wrote them."
