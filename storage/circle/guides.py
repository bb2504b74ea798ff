"""What the guides Tend is built on suggest for each kind of support: one plain question to think of someone (as the
social-support network map used in research asks it), and a few gentle places to look when nobody gives it yet."""

from storage.people.model import Support

QUESTIONS = {
    Support.EMOTIONAL: "Who do you talk to when something is on your mind?",
    Support.PRACTICAL: "Who helps you with everyday tasks, like a lift or shopping?",
    Support.INFORMATIONAL: "Who do you ask when you need advice or information, about treatment or anything else?",
    Support.PEER: "Who do you know who has been through something like what you're going through?",
    Support.PROFESSIONAL: "Who looks after your health, like a GP, a therapist or a counsellor?",
    Support.CRISIS: "Who could you call if things got really hard, at any time of day or night?",
}
"""The one question "Think of someone" asks for each kind."""

IDEAS = {
    Support.EMOTIONAL: ("A friend or family member you trust", "A support group, where people listen",
                        "A listening line, for a chat when things are hard"),
    Support.PRACTICAL: ("A neighbour", "A local volunteer group", "A friend who lives nearby or drives"),
    Support.INFORMATIONAL: ("Your GP or pharmacist", "A mental-health charity's information line",
                            "A library or community centre"),
    Support.PEER: ("A peer support group", "A recovery college or drop-in",
                   "An online community of people with similar experiences"),
    Support.PROFESSIONAL: ("Your GP", "A counsellor or therapist", "A community mental-health team"),
    Support.CRISIS: ("Your country's crisis line, under Get help now",
                     "Someone you trust who agrees you can call them any time", "Your crisis or care team, if you have one"),
}
"""Two or three ideas per kind, worded as places to look, never as instructions."""
