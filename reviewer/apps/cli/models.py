"""`reviewer models`: the local Whisper models listed, assembled from the weight packages and verified,
and the language model (spaCy's, from its PyPI package) checked against its pinned hash."""

from __future__ import annotations

import sys

import click

from reviewer.apps.cli.errors import EXIT_FAILED, EXIT_OK, error_line
from reviewer.measures.language import LanguageModelError, model_folder
from reviewer.recognition.models import ModelError, manifest, resolve_model


@click.group()
def models() -> None:
    """List, assemble and verify the local Whisper models."""


@models.command("list")
def models_list() -> None:
    """The models in the manifest and whether each is ready."""
    for name, entry in manifest().items():
        try:
            spec = resolve_model(name)
            state = f"ready at {spec.path}"
        except ModelError as exc:
            state = str(exc)
        click.echo(f"{name:8} {entry['description']}\n         {state}")


@models.command("install")
@click.argument("names", nargs=-1)
def models_install(names) -> None:
    """Assemble models from the installed weight packages and check their SHA-256."""
    failed = False
    for name in names or tuple(manifest()):
        try:
            spec = resolve_model(name)
            click.echo(f"{name}: ok ({spec.path})")
        except ModelError as exc:
            click.echo(error_line(name, str(exc)), err=True)
            failed = True
    if not names:  # the language model that reads the message's parts: installed by pip, checked here
        try:
            click.echo(f"language: ok ({model_folder()})")
        except LanguageModelError as exc:
            click.echo(error_line("language", str(exc)), err=True)
            failed = True
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
