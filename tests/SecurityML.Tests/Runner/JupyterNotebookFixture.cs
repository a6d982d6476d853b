namespace SecurityML.Tests.Runner;

/// <summary>
/// A notebook as Jupyter and VS Code save it, with the nbformat 4.5 fields secml does not own: a pasted image in a
/// markdown cell's <c>attachments</c> (a real 1×1 PNG), an SVG attachment, unknown cell, output and notebook
/// properties, metadata of other tools, and saved outputs in <c>application/json</c> (an object and an array, as
/// nbformat stores JSON MIME data) and <c>image/png</c>.
/// </summary>
internal static class JupyterNotebookFixture
{
    /// <summary>Base64 of a 1×1 PNG.</summary>
    public const string Png =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    /// <summary>The notebook's JSON.</summary>
    public const string Json = """
        {
         "cells": [
          {
           "attachments": {
            "image.png": { "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" },
            "diagram.svg": { "image/svg+xml": "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=" },
            "notes.txt": { "text/plain": "bm90IGFuIGltYWdl" }
           },
           "cell_type": "markdown",
           "id": "pasted",
           "metadata": { "jupyter": { "source_hidden": false }, "vscode": { "languageId": "markdown" } },
           "source": [ "# Pasted\n", "![screenshot](attachment:image.png) ![d](attachment:diagram.svg)\n", "![gone](attachment:missing.png) ![n](attachment:notes.txt)" ]
          },
          {
           "cell_type": "code",
           "execution_count": 7,
           "id": "json-output",
           "metadata": { "polyglot_notebook": { "kernelName": "csharp" }, "collapsed": true, "custom-tool": { "x": [1, 2.50, null] } },
           "outputs": [
            { "data": { "application/json": { "user": "alice", "count": 3, "nested": [1, { "a": null }] }, "text/plain": [ "{'user': 'alice'}" ] },
              "metadata": { "application/json": { "expanded": false, "root": "root" } }, "output_type": "execute_result", "execution_count": 7 },
            { "data": { "application/json": [ 1, "two", { "three": 3 } ] }, "metadata": {}, "output_type": "display_data", "transient": { "display_id": "d1" } },
            { "data": { "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "application/vnd.custom+json": { "k": "v" } }, "metadata": { "image/png": { "width": 10 } }, "output_type": "display_data" },
            { "name": "stdout", "output_type": "stream", "text": [ "line one\n", "line two\n" ] }
           ],
           "source": [ "var x = 1 + 1;\n", "x" ],
           "custom_cell_field": { "kept": true }
          },
          { "cell_type": "raw", "id": "raw-1", "metadata": { "format": "text/x-rst" }, "source": "raw *text*" }
         ],
         "metadata": {
          "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
          "language_info": { "name": "polyglot-notebook" },
          "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [ { "aliases": [], "name": "csharp" } ] } },
          "widgets": { "application/vnd.jupyter.widget-state+json": { "state": {}, "version_major": 2 } }
         },
         "nbformat": 4,
         "nbformat_minor": 5,
         "custom_top_level": [ "kept" ]
        }
        """;
}
