"""The council edition of the report: the whole picture on page 1, short and in order.

Built from the same view objects as the working edition (`report.view`), so both editions show
the same statuses, figures and labels; this package only chooses and condenses: `headings` finds
the heading a quote sits under in its document, `glance` makes page 1, `build` the chapters.
"""
