"""The floor for a tap: a plain Flet app with one button whose click updates a text. Used by ui_benchmark.py.

Run: .venv/bin/python benchmarks/plain_button_app.py PORT
"""

import sys

import flet as ft


def main(page: ft.Page) -> None:
    taps = 0
    label = ft.Text("Not tapped yet")

    def tap() -> None:
        nonlocal taps
        taps += 1
        label.value = f"Tapped {taps}"
        label.update()

    page.title = "Plain button"
    page.add(ft.Button("Tap", on_click=tap), label)


if __name__ == "__main__":
    ft.run(main, host="127.0.0.1", port=int(sys.argv[1]), view=ft.AppView.WEB_BROWSER, no_cdn=True)
