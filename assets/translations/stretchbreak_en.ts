<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppMenu</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldRing</name>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n day in a row</numerusform>
            <numerusform>%n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Most done, last %n day(s)</source>
        <translation>
            <numerusform>Most done, last %n day</numerusform>
            <numerusform>Most done, last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Least done, last %n day(s)</source>
        <translation>
            <numerusform>Least done, last %n day</numerusform>
            <numerusform>Least done, last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stretches per day, last %n day(s)</source>
        <translation>
            <numerusform>Stretches per day, last %n day</numerusform>
            <numerusform>Stretches per day, last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed in the last %n day(s):</source>
        <translation>
            <numerusform>Completed in the last %n day:</numerusform>
            <numerusform>Completed in the last %n days:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s) each)</source>
        <translation>
            <numerusform>%1 (%n time each)</numerusform>
            <numerusform>%1 (%n times each)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1 (%n time)</numerusform>
            <numerusform>%1 (%n times)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
</TS>
