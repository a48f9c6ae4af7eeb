<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CanvasItems</name>
    <message>
        <source>descent −∇f (solid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>velocity / moment (outlined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual step (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows at each path&apos;s head, in its optimizer&apos;s colour: descent (−gradient, solid), the velocity / first moment (outlined), and the step actually taken (dashed, open head). Directions are exact; lengths are on a log scale, per kind: the largest arrow is {0} pixels long at any zoom, and arrows more than {1}× smaller than it are hidden. Magnitudes are in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start ({0}, {1})
drag to move • right-click or Delete to remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
