"""`reviewer models`: the local Whisper models listed, assembled from the weight packages and verified."""

from __future__ import annotations

import sys

import click

from reviewer.apps.cli.errors import EXIT_FAILED, EXIT_OK, error_line
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
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
