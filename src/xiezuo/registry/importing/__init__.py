"""The bulk registry import: stream a file in chunks, validate column-wise with polars, stage, merge.

    read (reader.py) → validate each chunk (validate.py) → stage and check against
    the database, then merge by ID number in one transaction (load.py)

`run_import()` in pipeline.py ties the steps together; jobs.py runs it as the job kind `registry_import`.
"""
