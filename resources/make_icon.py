"""Draws resources/icons/lngeom.png, the application icon: the sqrt(d) sphere, the hyperplane
orthogonal to 1 seen as an ellipse, the 1 axis, and hidden vectors clustered near that plane.
Run with Debian's Python (PIL): /usr/bin/python3 resources/make_icon.py"""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256
SCALE = 4  # drawn large, then downsampled for smooth edges


def main():
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre, radius = big / 2, big * 0.40
    draw.rounded_rectangle([big * 0.03, big * 0.03, big * 0.97, big * 0.97], radius=big * 0.18,
                           fill=(31, 33, 41, 255))
    draw.ellipse([centre - radius, centre - radius, centre + radius, centre + radius],
                 outline=(120, 150, 210, 255), width=5 * SCALE)
    flat = radius * 0.32
    draw.ellipse([centre - radius, centre - flat, centre + radius, centre + flat],
                 fill=(70, 110, 190, 90), outline=(150, 180, 235, 255), width=3 * SCALE)
    rng = random.Random(2409)
    for _ in range(70):
        angle = rng.uniform(0, 2 * math.pi)
        x = centre + radius * 0.97 * math.cos(angle)
        y = centre + flat * 0.97 * math.sin(angle) + rng.gauss(0, radius * 0.05)
        dot = 3.2 * SCALE
        draw.ellipse([x - dot, y - dot, x + dot, y + dot], fill=(235, 125, 20, 255))
    top, bottom = centre - radius * 1.08, centre + radius * 1.08
    draw.line([centre, bottom, centre, top + 14 * SCALE], fill=(240, 240, 240, 255),
              width=5 * SCALE)
    head = 14 * SCALE
    draw.polygon([(centre, top), (centre - head * 0.7, top + head * 1.3),
                  (centre + head * 0.7, top + head * 1.3)], fill=(240, 240, 240, 255))
    output = Path(__file__).resolve().parent / "icons" / "lngeom.png"
    image.resize((SIZE, SIZE), Image.LANCZOS).save(output)


if __name__ == "__main__":
    main()
