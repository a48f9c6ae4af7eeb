<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ResultsTable</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eff. lr x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eff. lr y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The optimizer and the hyperparameters that differ from its defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start point of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the current step: running, or converged (|Δf| below the tolerance), diverged or stopped at max steps once the run got there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x at the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y at the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f(x, y) at the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the gradient at the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance to the nearest known minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-axis effective learning rate of adaptive optimizers (the step size they apply along x); blank for the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-axis effective learning rate along y; blank for non-adaptive optimizers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
