"""The two edits the safety plan screen makes before saving: the words as typed, and a person linked or unlinked."""

from storage.help.safety_plan import SafetyPlan, with_person_toggled, with_texts


def test_the_typed_words_replace_the_saved_ones_step_by_step_and_keep_the_linked_people():
    plan = SafetyPlan(texts={"reasons": "My dog", "coping": "A walk"}, people={"helpers": ("sam",)})
    typed = with_texts(plan, {"reasons": "My dog\nMy sister"})
    assert typed.text("reasons") == "My dog\nMy sister"
    assert typed.text("coping") == "A walk"
    assert typed.linked("helpers") == ("sam",)
    assert plan.text("reasons") == "My dog"  # the plan shown stays as it was until it is saved


def test_a_person_tapped_is_linked_at_the_end_and_tapped_again_is_unlinked():
    plan = SafetyPlan(people={"helpers": ("sam",)})
    linked = with_person_toggled(plan, "helpers", "ana")
    assert linked.linked("helpers") == ("sam", "ana")
    assert with_person_toggled(linked, "helpers", "sam").linked("helpers") == ("ana",)
    assert with_person_toggled(plan, "professionals", "gp").linked("professionals") == ("gp",)
    assert linked.linked("professionals") == ()
