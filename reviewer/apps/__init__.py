"""The applications: what a rep or a coach runs. Command lines enter the CLI (cli/: one module
per command group, the shared options declared once), folders of call-block recordings enter
the batch (batch: a results store, local processes or a Dask cluster), HTTP requests enter the
practice server (server/: one module per resource); each builds its `Reviewer` from settings
(`Reviewer.from_settings`), runs the pipeline, stores the review in the history and hands the
record to the present stage, so out go terminal text, JSON, CSV and HTML files, HTTP
responses and exit codes.
"""
