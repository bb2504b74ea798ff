"""WCAG 2 contrast between two colours, as "#rrggbb" or (r, g, b) in 0–255."""

AA_TEXT = 4.5
AA_NON_TEXT = 3.0


def relative_luminance(colour: str | tuple[int, int, int]) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) if isinstance(colour, str) else colour[i // 2]
                for i in (0, 2, 4)]
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
