"""The partner workflow: new records, the issue form, pull-request summaries.

These modules write and compare record files; they build on `records` and
never on the site or the adapters.
"""
