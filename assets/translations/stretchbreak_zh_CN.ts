<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppMenu</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>stretchbreak menu</source>
        <translation>stretchbreak 菜单</translation>
    </message>
    <message>
        <source>Stretch &amp;now</source>
        <translation>立即拉伸(&amp;N)</translation>
    </message>
    <message>
        <source>Stre&amp;tches</source>
        <translation>拉伸动作(&amp;T)</translation>
    </message>
    <message>
        <source>Sn&amp;ooze</source>
        <translation>稍后提醒(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;kip next stretch</source>
        <translation>跳过下一次拉伸(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Resume reminders</source>
        <translation>恢复提醒(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停提醒(&amp;P)</translation>
    </message>
    <message>
        <source>For %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>直到明天</translation>
    </message>
    <message>
        <source>Until I resume</source>
        <translation>直到我手动恢复</translation>
    </message>
    <message>
        <source>Stat&amp;istics…</source>
        <translation>统计(&amp;I)…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Make &amp;favourite</source>
        <translation>设为首选(&amp;F)</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <comment>hours and minutes, as in 1 h 05</comment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2. Highest %3 on %4; latest %5 on %6.</source>
        <translation>%1，共 %2。最高 %3（%4）；最近 %5（%6）。</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no value on this day</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ComfortQuestion</name>
    <message>
        <source>How does your back feel?</source>
        <translation>你的背部感觉如何？</translation>
    </message>
    <message>
        <source>Comfort question</source>
        <translation>舒适度问题</translation>
    </message>
    <message>
        <source>%1 0 is the worst, 10 the best. Keys 0 to 9, T for 10, Esc skips.</source>
        <translation>%1 0 表示最差，10 表示最好。按 0 到 9 键作答，T 键代表 10，Esc 键跳过。</translation>
    </message>
    <message>
        <source>%1 out of 10 (worst)</source>
        <translation>%1 分（满分 10 分，最差）</translation>
    </message>
    <message>
        <source>%1 out of 10 (best)</source>
        <translation>%1 分（满分 10 分，最好）</translation>
    </message>
    <message>
        <source>%1 out of 10</source>
        <translation>%1 分（满分 10 分）</translation>
    </message>
    <message>
        <source>Answer %1. Key %2</source>
        <translation>回答 %1。按键 %2</translation>
    </message>
    <message>
        <source>%1 — key %2</source>
        <translation>%1 — 按键 %2</translation>
    </message>
    <message>
        <source>%1 = worst</source>
        <translation>%1 = 最差</translation>
    </message>
    <message>
        <source>%1 means worst</source>
        <translation>%1 表示最差</translation>
    </message>
    <message>
        <source>%1 = best</source>
        <translation>%1 = 最好</translation>
    </message>
    <message>
        <source>%1 means best</source>
        <translation>%1 表示最好</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip the question</source>
        <translation>跳过此问题</translation>
    </message>
    <message>
        <source>Close without answering. Key Esc</source>
        <translation>不作答直接关闭。按键 Esc</translation>
    </message>
    <message>
        <source>Skip the question (Esc)</source>
        <translation>跳过此问题（Esc）</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Noted: %1. Thank you.</source>
        <translation>已记录：%1。谢谢！</translation>
    </message>
</context>
<context>
    <name>ControlWindow</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Stretch now</source>
        <translation>立即拉伸</translation>
    </message>
    <message>
        <source>Start your favourite stretch now</source>
        <translation>现在开始你的首选拉伸动作</translation>
    </message>
    <message>
        <source>Stretch to start</source>
        <translation>要开始的拉伸动作</translation>
    </message>
    <message>
        <source>The stretch Start and Make favourite use</source>
        <translation>“开始”和“设为首选”所用的拉伸动作</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the chosen stretch</source>
        <translation>开始所选的拉伸动作</translation>
    </message>
    <message>
        <source>Make favourite</source>
        <translation>设为首选</translation>
    </message>
    <message>
        <source>Make the chosen stretch your favourite</source>
        <translation>把所选的拉伸动作设为首选</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <source>Open the statistics</source>
        <translation>打开统计</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Quit stretchbreak</source>
        <translation>退出 stretchbreak</translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <source>e.g. 50m, 90s, 1h30m</source>
        <translation>例如 50m、90s、1h30m</translation>
    </message>
    <message>
        <source>%1 Not a valid duration.</source>
        <translation>%1 这不是有效的时长。</translation>
    </message>
    <message>
        <source>%1 Write it like 50m, 90s or 1h30m.</source>
        <translation>%1 请写成 50m、90s 或 1h30m 这样的格式。</translation>
    </message>
</context>
<context>
    <name>GuidanceTab</name>
    <message>
        <source>Cue volume</source>
        <translation>提示音音量</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation>语音音量</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>发音人</translation>
    </message>
    <message>
        <source>Play soft sound cues when a hold starts and ends</source>
        <translation>保持开始和结束时播放柔和的提示音</translation>
    </message>
    <message>
        <source>Sound cues</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>A short chime when a hold starts, a bell when it ends, and a melody when the stretch is done</source>
        <translation>保持开始时一声短促的提示音，结束时一声铃响，整套拉伸完成时一段旋律</translation>
    </message>
    <message>
        <source>How loud the sound cues are, from 0 to 100</source>
        <translation>提示音的音量，从 0 到 100</translation>
    </message>
    <message>
        <source>Spoken guidance: read each step aloud and count down the holds</source>
        <translation>语音引导：朗读每个步骤，并为保持动作倒数</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>语音引导</translation>
    </message>
    <message>
        <source>Reads each step aloud as it starts, counts the last seconds of a hold, and says when to switch sides</source>
        <translation>每个步骤开始时朗读步骤内容，在保持的最后几秒倒数，并提示何时换边</translation>
    </message>
    <message>
        <source>How fast the voice speaks, from -10 (slow) to 10 (fast)</source>
        <translation>说话的快慢，从 -10（慢）到 10（快）</translation>
    </message>
    <message>
        <source>How loud the voice is, from 0 to 100</source>
        <translation>语音的音量，从 0 到 100</translation>
    </message>
    <message>
        <source>The voice that reads the steps</source>
        <translation>朗读步骤所用的发音人</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试听</translation>
    </message>
    <message>
        <source>Try the voice</source>
        <translation>试听语音</translation>
    </message>
    <message>
        <source>Say a sample sentence with the pace, volume and voice chosen here</source>
        <translation>用这里选择的语速、音量和发音人朗读一句示例</translation>
    </message>
    <message>
        <source>Speech status</source>
        <translation>语音状态</translation>
    </message>
    <message>
        <source>Default voice for the language</source>
        <translation>该语言的默认发音人</translation>
    </message>
    <message>
        <source>Cue volume value</source>
        <translation>提示音音量数值</translation>
    </message>
    <message>
        <source>Pace value</source>
        <translation>语速数值</translation>
    </message>
    <message>
        <source>Voice volume value</source>
        <translation>语音音量数值</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a volume in percent</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>normal</source>
        <comment>speech pace</comment>
        <translation>正常</translation>
    </message>
    <message>
        <source>The speech engine is ready.</source>
        <translation>语音引擎已就绪。</translation>
    </message>
    <message>
        <source>Kneel on your left knee. Hold. 3, 2, 1. Well done.</source>
        <translation>左膝跪地。保持。三、二、一。做得好！</translation>
    </message>
</context>
<context>
    <name>HoldRing</name>
    <message>
        <source>Hold timer</source>
        <translation>保持计时器</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, paused</source>
        <translation>%1，已暂停</translation>
    </message>
</context>
<context>
    <name>Narration</name>
    <message>
        <source>Switch sides</source>
        <translation>换另一侧</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>做得好</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Always my favourite</source>
        <translation>总是我的首选动作</translation>
    </message>
    <message>
        <source>Each stretch in turn</source>
        <translation>依次轮换每个动作</translation>
    </message>
    <message>
        <source>A random stretch</source>
        <translation>随机选择一个动作</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>stretchbreak settings</source>
        <translation>stretchbreak 设置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reminders, stretches, sound and voice</source>
        <translation>提醒、拉伸动作、声音和语音</translation>
    </message>
    <message>
        <source>Reminders, stretches, sound and voice. Ctrl+Tab goes to the next page.</source>
        <translation>提醒、拉伸动作、声音和语音。按 Ctrl+Tab 切换到下一页。</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>Sound and voice</source>
        <translation>声音和语音</translation>
    </message>
    <message>
        <source>&amp;Reminders</source>
        <translation>提醒(&amp;R)</translation>
    </message>
    <message>
        <source>When reminders come, and how they can be put off</source>
        <translation>何时提醒，以及如何推迟提醒</translation>
    </message>
    <message>
        <source>S&amp;tretches</source>
        <translation>拉伸动作(&amp;T)</translation>
    </message>
    <message>
        <source>Your favourite stretch and the hold times</source>
        <translation>你的首选拉伸动作和保持时间</translation>
    </message>
    <message>
        <source>Sound and &amp;voice</source>
        <translation>声音和语音(&amp;V)</translation>
    </message>
    <message>
        <source>Sound cues, spoken guidance and the voice</source>
        <translation>提示音、语音引导和发音人</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>保存或取消</translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation>保存设置并关闭</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>不保存直接关闭</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Sitting limit</source>
        <translation>久坐时限</translation>
    </message>
    <message>
        <source>How long you may sit before a stretch is suggested.</source>
        <translation>连续坐多久之后提醒你拉伸。</translation>
    </message>
    <message>
        <source>Natural break</source>
        <translation>自然休息</translation>
    </message>
    <message>
        <source>Time away from the keyboard and mouse that counts as a break and starts the sitting over.</source>
        <translation>离开键盘和鼠标多长时间算作一次休息；休息之后，久坐时间重新计算。</translation>
    </message>
    <message>
        <source>Heads-up</source>
        <translation>预先通知</translation>
    </message>
    <message>
        <source>How long before the stretch a notice comes; 0s for none.</source>
        <translation>拉伸开始前多久发出通知；填 0s 表示不通知。</translation>
    </message>
    <message>
        <source>Snooze length</source>
        <translation>稍后提醒时长</translation>
    </message>
    <message>
        <source>How long a snooze puts the stretch off.</source>
        <translation>每次稍后提醒把拉伸推迟多久。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Snoozes in a row</source>
        <translation>连续稍后提醒次数</translation>
    </message>
    <message>
        <source>How many times in a row a stretch may be snoozed; 0 for no limit.</source>
        <translation>一次拉伸最多可以连续推迟几次；0 表示不限。</translation>
    </message>
    <message>
        <source>Which stretch</source>
        <translation>拉伸动作的选择</translation>
    </message>
    <message>
        <source>Which stretch a reminder opens.</source>
        <translation>提醒时打开哪个拉伸动作。</translation>
    </message>
    <message>
        <source>Remind me on this day.</source>
        <translation>在这一天提醒我。</translation>
    </message>
    <message>
        <source>09:00-18:00, empty for all day</source>
        <translation>09:00-18:00，留空表示全天</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Reminders come only between these times, like 09:00-18:00; empty for all day.</source>
        <translation>只在这段时间内提醒，例如 09:00-18:00；留空表示全天。</translation>
    </message>
    <message>
        <source>After a stretch, ask how my back feels</source>
        <translation>拉伸之后询问我背部的感觉</translation>
    </message>
    <message>
        <source>Comfort question</source>
        <translation>舒适度问题</translation>
    </message>
    <message>
        <source>After a completed stretch, ask for a 0 to 10 rating of how your back feels, for the statistics.</source>
        <translation>完成拉伸后，请你用 0 到 10 分评价背部的感觉，用于统计。</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of stretchbreak&apos;s windows and voice.</source>
        <translation>stretchbreak 的窗口和语音所用的语言。</translation>
    </message>
    <message>
        <source>Remind me after sitting for</source>
        <translation>久坐多久后提醒我</translation>
    </message>
    <message>
        <source>A break of this long resets it</source>
        <translation>休息多久后重新计时</translation>
    </message>
    <message>
        <source>Heads-up before the reminder</source>
        <translation>提醒前预先通知</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>稍后提醒时长</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Start stretchbreak when I log in</source>
        <translation>登录时启动 stretchbreak</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>Add stretchbreak to the programs your desktop starts at login.</source>
        <translation>把 stretchbreak 加入桌面在登录时启动的程序。</translation>
    </message>
    <message>
        <source>Stretches</source>
        <translation>拉伸动作</translation>
    </message>
    <message>
        <source>Favourite stretch</source>
        <translation>首选拉伸动作</translation>
    </message>
    <message>
        <source>The stretch a reminder opens when it asks for your favourite.</source>
        <translation>提醒设为“总是我的首选动作”时打开的拉伸动作。</translation>
    </message>
    <message>
        <source>Hold time for %1</source>
        <translation>%1的保持时间</translation>
    </message>
    <message>
        <source>How long each hold of %1 lasts; suggested %2.</source>
        <translation>%1每次保持多长时间；建议 %2。</translation>
    </message>
    <message>
        <source>(suggested %1)</source>
        <translation>（建议 %1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hold times&lt;/b&gt; — start gently; lengthen them slowly as it gets easier.</source>
        <translation>&lt;b&gt;保持时间&lt;/b&gt; — 从轻柔开始；等动作变得轻松后，再慢慢延长。</translation>
    </message>
    <message>
        <source>Hold times</source>
        <translation>保持时间</translation>
    </message>
    <message>
        <source>Start gently; lengthen them slowly as it gets easier.</source>
        <translation>从轻柔开始；等动作变得轻松后，再慢慢延长。</translation>
    </message>
    <message>
        <source>The sitting limit</source>
        <translation>久坐时限</translation>
    </message>
    <message>
        <source>The natural break</source>
        <translation>自然休息时长</translation>
    </message>
    <message>
        <source>The heads-up</source>
        <translation>预先通知时间</translation>
    </message>
    <message>
        <source>The snooze length</source>
        <translation>稍后提醒时长</translation>
    </message>
    <message>
        <source>%1 is not a valid duration.</source>
        <translation>%1不是有效的时长。</translation>
    </message>
    <message>
        <source>The heads-up must be shorter than the sitting limit.</source>
        <translation>预先通知时间必须短于久坐时限。</translation>
    </message>
    <message>
        <source>Working hours: write them like &quot;09:00-18:00&quot;, or leave them empty for all day.</source>
        <translation>工作时间：请写成“09:00-18:00”这样的格式，或留空表示全天。</translation>
    </message>
    <message>
        <source>The hold time for %1 is not a valid duration.</source>
        <translation>%1的保持时间不是有效的时长。</translation>
    </message>
    <message>
        <source>Your settings could not be saved (%1). Your previous settings file is unchanged.</source>
        <translation>无法保存设置（%1）。原来的设置文件没有改动。</translation>
    </message>
    <message>
        <source>Your settings are saved, but starting at login could not be changed (%1).</source>
        <translation>设置已保存，但无法更改登录时启动（%1）。</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>Spoken guidance is not available here.</source>
        <translation>此处无法使用语音引导。</translation>
    </message>
    <message>
        <source>Looking for a speech engine…</source>
        <translation>正在查找语音引擎…</translation>
    </message>
    <message>
        <source>No speech engine is installed, so spoken guidance stays silent. On Debian or Ubuntu, install speech-dispatcher and espeak-ng.</source>
        <translation>未安装语音引擎，因此语音引导不会发声。在 Debian 或 Ubuntu 上，请安装 speech-dispatcher 和 espeak-ng。</translation>
    </message>
    <message>
        <source>The speech engine has no voice for %1, so spoken guidance stays silent.</source>
        <translation>语音引擎没有%1的发音人，因此语音引导不会发声。</translation>
    </message>
    <message>
        <source>The speech engine does not answer, so spoken guidance stays silent.</source>
        <translation>语音引擎没有响应，因此语音引导不会发声。</translation>
    </message>
    <message>
        <source>The speech engine does not work (%1), so spoken guidance stays silent.</source>
        <translation>语音引擎无法工作（%1），因此语音引导不会发声。</translation>
    </message>
    <message>
        <source>it stopped with exit code %1</source>
        <translation>它已退出，退出码为 %1</translation>
    </message>
    <message>
        <source>it could not be started: %1</source>
        <translation>无法启动：%1</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <source>Nothing recorded yet. Your stretches, sitting times and snoozes will show up here.</source>
        <translation>还没有任何记录。你的拉伸、久坐时间和稍后提醒都会显示在这里。</translation>
    </message>
    <message>
        <source>Stretches done</source>
        <translation>完成的拉伸</translation>
    </message>
    <message>
        <source>Longest unbroken sitting</source>
        <translation>最长连续久坐</translation>
    </message>
    <message>
        <source>Average sitting period</source>
        <translation>平均每次久坐</translation>
    </message>
    <message>
        <source>Snoozes</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Back comfort</source>
        <translation>背部舒适度</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>no streak yet</source>
        <translation>还没有连续记录</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>连续 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Statistics — stretchbreak</source>
        <translation>统计 — stretchbreak</translation>
    </message>
    <message>
        <source>stretchbreak statistics</source>
        <translation>stretchbreak 统计</translation>
    </message>
    <message>
        <source>Today, this week and the last days at a glance. F5 reads the history again, Esc closes.</source>
        <translation>今天、本周和最近几天的概况。按 F5 重新读取记录，按 Esc 关闭。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Habits</source>
        <translation>习惯</translation>
    </message>
    <message>
        <source>Current streak</source>
        <translation>当前连续天数</translation>
    </message>
    <message numerus="yes">
        <source>Most done, last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天做得最多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Least done, last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天做得最少</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stretches per day, last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天每天的拉伸次数</numerusform>
        </translation>
    </message>
    <message>
        <source>Longest sitting per day</source>
        <translation>每天最长的一次久坐</translation>
    </message>
    <message>
        <source>Back comfort (0 worst, 10 best)</source>
        <translation>背部舒适度（0 最差，10 最好）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the history again</source>
        <translation>重新读取记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>%1. Key %2</source>
        <translation>%1。按键 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>today&apos;s date above the statistics; a Qt date format</comment>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>Today is %1</source>
        <translation>今天是%1</translation>
    </message>
    <message>
        <source>Most done</source>
        <translation>做得最多</translation>
    </message>
    <message>
        <source>Least done</source>
        <translation>做得最少</translation>
    </message>
    <message numerus="yes">
        <source>Completed in the last %n day(s):</source>
        <translation>
            <numerusform>最近 %n 天完成的次数：</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between stretch names in a list</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s) each)</source>
        <translation>
            <numerusform>%1（各 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n time(s))</source>
        <translation>
            <numerusform>%1（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a day under a chart&apos;s bar; a Qt date format</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>StretchWindow</name>
    <message>
        <source> or </source>
        <comment>between two keys, as in &apos;Right or Return&apos;</comment>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>拉伸</translation>
    </message>
    <message>
        <source>A guided stretch, one step at a time.</source>
        <translation>一步一步带你完成拉伸。</translation>
    </message>
    <message>
        <source>Stretch pages</source>
        <translation>拉伸页面</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stretch name</source>
        <translation>拉伸动作名称</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Illustration of the position</source>
        <translation>姿势示意图</translation>
    </message>
    <message>
        <source>Side and repetitions</source>
        <translation>左右侧和重复次数</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>做得好</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 上一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Go to the previous step</source>
        <translation>回到上一步</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Finish the stretch now</source>
        <translation>现在结束这次拉伸</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>Close and remind me again later</source>
        <translation>关闭窗口，稍后再提醒我</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Close without stretching this time</source>
        <translation>这次不拉伸，直接关闭</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the stretch window</source>
        <translation>关闭拉伸窗口</translation>
    </message>
    <message>
        <source>Keys: Space or P pause · ← → steps · Return next · D done · Z snooze · Esc skip · Tab moves between the buttons</source>
        <translation>按键：空格或 P 暂停 · ← → 切换步骤 · 回车 下一步 · D 完成 · Z 稍后提醒 · Esc 跳过 · Tab 在按钮之间移动</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>%1 — stretchbreak</source>
        <translation>%1 — stretchbreak</translation>
    </message>
    <message>
        <source>%1. Keys: %2</source>
        <translation>%1。按键：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Let the hold timer run again</source>
        <translation>让保持计时器继续计时</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop the hold timer for now</source>
        <translation>暂时停下保持计时器</translation>
    </message>
    <message>
        <source>Finish ✓</source>
        <translation>完成 ✓</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Finish the stretch</source>
        <translation>结束这次拉伸</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Go to the next step</source>
        <translation>进入下一步</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Well done!</source>
        <translation>做得好！</translation>
    </message>
    <message>
        <source>You gave your back %1.</source>
        <translation>你花了 %1 照顾自己的背部。</translation>
    </message>
    <message>
        <source>See you at the next break.</source>
        <translation>下次休息时再见。</translation>
    </message>
</context>
<context>
    <name>StretchbreakApp</name>
    <message>
        <source>the fullscreen window closes</source>
        <translation>全屏窗口关闭</translation>
    </message>
    <message>
        <source>notifications are allowed again</source>
        <translation>通知重新开启</translation>
    </message>
    <message>
        <source>the presentation ends</source>
        <translation>演示结束</translation>
    </message>
    <message>
        <source>that ends</source>
        <translation>它结束</translation>
    </message>
    <message>
        <source>Stretching</source>
        <translation>正在拉伸</translation>
    </message>
    <message>
        <source>Stretching: %1 (step %2 of %3)</source>
        <translation>正在拉伸：%1（第 %2 步，共 %3 步）</translation>
    </message>
    <message>
        <source>Paused until you resume</source>
        <translation>已暂停，直到你恢复</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>暂停到 %1</translation>
    </message>
    <message>
        <source>Outside working hours: no reminders</source>
        <translation>工作时间以外：不提醒</translation>
    </message>
    <message>
        <source>You are away: sitting time starts when you are back</source>
        <translation>你不在电脑前：回来后重新开始计算久坐时间</translation>
    </message>
    <message>
        <source>The stretch waits until %1</source>
        <translation>拉伸提醒将等到%1</translation>
    </message>
    <message>
        <source>No stretch planned</source>
        <translation>没有安排拉伸</translation>
    </message>
    <message>
        <source>Snoozed: next stretch in %1 min</source>
        <translation>已稍后提醒：%1 分钟后拉伸</translation>
    </message>
    <message>
        <source>Snoozed: next stretch in under a minute</source>
        <translation>已稍后提醒：不到一分钟后拉伸</translation>
    </message>
    <message>
        <source>Next stretch in %1 min</source>
        <translation>%1 分钟后拉伸</translation>
    </message>
    <message>
        <source>Next stretch in under a minute</source>
        <translation>不到一分钟后拉伸</translation>
    </message>
    <message>
        <source>Sitting for %1</source>
        <translation>已坐 %1</translation>
    </message>
    <message>
        <source>Favourite: %1</source>
        <translation>最喜欢：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Activity: not readable here, counting wall time</source>
        <translation>活动：此处无法读取，改为按实际时间计算</translation>
    </message>
    <message>
        <source>History: %1 events waiting for the database</source>
        <translation>历史记录：%1 条记录等待写入数据库</translation>
    </message>
    <message>
        <source>Your desktop has no system tray, so stretchbreak shows this small window instead. Closing it quits stretchbreak.</source>
        <translation>你的桌面没有系统托盘，所以 stretchbreak 显示这个小窗口。关闭它会退出 stretchbreak。</translation>
    </message>
    <message>
        <source>stretchbreak runs without history: its database could not be opened (see the log).</source>
        <translation>stretchbreak 在没有历史记录的情况下运行：无法打开数据库（请查看日志）。</translation>
    </message>
    <message>
        <source>There is no history to show: the database could not be opened.</source>
        <translation>没有可显示的历史记录：无法打开数据库。</translation>
    </message>
    <message>
        <source>stretchbreak cannot read your activity any more</source>
        <translation>stretchbreak 无法再读取你的活动</translation>
    </message>
    <message>
        <source>%1
It now counts wall time instead, so breaks away from the desk go unnoticed.</source>
        <translation>%1
现在改为按实际时间计算，离开座位的休息将无法察觉。</translation>
    </message>
    <message>
        <source>…and more; see the log.</source>
        <translation>……还有更多，请查看日志。</translation>
    </message>
    <message>
        <source>stretchbreak uses the defaults for these and leaves your file as it is.</source>
        <translation>stretchbreak 对这些项使用默认值，并保留你的文件不变。</translation>
    </message>
    <message>
        <source>stretchbreak found problems in your files</source>
        <translation>stretchbreak 发现你的文件有问题</translation>
    </message>
    <message>
        <source>Stretch file problem: %1</source>
        <translation>拉伸文件问题：%1</translation>
    </message>
    <message>
        <source>You have been sitting a while. A short stretch starts in %1.</source>
        <translation>你已经坐了一段时间。%1后开始一个简短的拉伸。</translation>
    </message>
    <message>
        <source>Click here to snooze for %1.</source>
        <translation>点击这里稍后提醒（%1）。</translation>
    </message>
    <message>
        <source>Time to stretch soon</source>
        <translation>快到拉伸时间了</translation>
    </message>
    <message>
        <source>no more snoozes: %1 in a row already; the next one comes after a stretch or a break</source>
        <translation>不能再稍后提醒：已连续 %1 次；完成一次拉伸或休息后才可再次使用</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>右侧</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>hours</comment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>minutes</comment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>seconds</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source> </source>
        <comment>separator between the hours, minutes and seconds of a duration</comment>
        <translation> </translation>
    </message>
</context>
<context>
    <name>stretch:chest-opener</name>
    <message>
        <source>Chest opener: arm and leg lifts</source>
        <extracomment>Chest opener: arm and leg lifts: name</extracomment>
        <translation>开胸：抬臂抬腿</translation>
    </message>
    <message>
        <source>Alternating arm and leg lifts on hands and knees open the chest, lengthen the back muscles and build the core strength that supports the spine.</source>
        <extracomment>Chest opener: arm and leg lifts: summary</extracomment>
        <translation>四肢跪撑，交替抬起手臂和腿，可以打开胸腔、拉长背部肌肉，并增强支撑脊柱的核心力量。</translation>
    </message>
    <message>
        <source>Kneel on a mat or cushion. Move slowly and lift only as high as you can keep your back level; don&apos;t arch your lower back or twist your hips. Stop if it hurts: mild effort is fine, sharp pain is not. Start with fewer lifts and progress slowly. A stability ball under your belly makes it harder; leave it out at first. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Chest opener: arm and leg lifts: caution</extracomment>
        <translation>跪在垫子或软垫上。动作放慢，只抬到还能保持背部平直的高度；不要塌腰，也不要扭转髋部。如果疼痛就停下：轻微用力的感觉没问题，剧痛则不行。先少做几次，再慢慢增加。在腹部下方垫一个健身球会更难，刚开始先不要用。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Get on your hands and knees: hands under your shoulders, knees under your hips, back flat.</source>
        <extracomment>Chest opener: arm and leg lifts: step 1</extracomment>
        <translation>四肢跪撑：双手在肩膀正下方，膝盖在髋部正下方，背部平直。</translation>
    </message>
    <message>
        <source>Tighten your belly gently and fix your eyes on a point on the floor just ahead of your hands.</source>
        <extracomment>Chest opener: arm and leg lifts: step 2</extracomment>
        <translation>轻轻收紧腹部，目光落在双手前方不远处地面上的一点。</translation>
    </message>
    <message>
        <source>Lift your right arm and left leg, reach long, then lower them slowly. Breathe out as you lift. (10 times)</source>
        <extracomment>Chest opener: arm and leg lifts: step 3</extracomment>
        <translation>抬起右臂和左腿，尽量向远处伸展，然后慢慢放下。抬起时呼气。（10 次）</translation>
    </message>
    <message>
        <source>Now lift your left arm and right leg, reach long, then lower them slowly. Keep your back level. (10 times)</source>
        <extracomment>Chest opener: arm and leg lifts: step 4</extracomment>
        <translation>现在抬起左臂和右腿，尽量向远处伸展，然后慢慢放下。保持背部平直。（10 次）</translation>
    </message>
    <message>
        <source>Lower your knees and sit back on your heels for a breath, then get up slowly.</source>
        <extracomment>Chest opener: arm and leg lifts: step 5</extracomment>
        <translation>臀部向后坐到脚跟上，停留一个呼吸，然后慢慢起身。</translation>
    </message>
</context>
<context>
    <name>stretch:cobra-forearms</name>
    <message>
        <source>Cobra 2: on the forearms</source>
        <extracomment>Cobra 2: on the forearms: name</extracomment>
        <translation>眼镜蛇式 2：前臂支撑</translation>
    </message>
    <message>
        <source>The next cobra step: propped on your forearms, the lower back eases a little further into its natural curve.</source>
        <extracomment>Cobra 2: on the forearms: summary</extracomment>
        <translation>眼镜蛇式的下一步：用前臂撑起上身，让下背部再多放松一些，回到自然的弧度。</translation>
    </message>
    <message>
        <source>Move on to this only when Cobra 1 feels comfortable. Lie on a mat or carpet, and get down and up carefully. Stop if it hurts or pinches in the lower back; go back to Cobra 1 instead. Progress slowly. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Cobra 2: on the forearms: caution</extracomment>
        <translation>等眼镜蛇式 1 做起来感觉舒适了，再进行这一步。躺在垫子或地毯上，趴下和起身时都要小心。如果下背部疼痛或有夹挤感就停下，改回眼镜蛇式 1。循序渐进。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Lie face down on a mat with your legs straight and the tops of your feet on the floor.</source>
        <extracomment>Cobra 2: on the forearms: step 1</extracomment>
        <translation>俯卧在垫子上，双腿伸直，脚背贴地。</translation>
    </message>
    <message>
        <source>Place your elbows under your shoulders and your forearms flat on the floor, pointing forward.</source>
        <extracomment>Cobra 2: on the forearms: step 2</extracomment>
        <translation>手肘放在肩膀正下方，前臂平放在地面上，指向前方。</translation>
    </message>
    <message>
        <source>Let your chest lift while your hips stay on the floor. Keep your shoulders away from your ears and your neck long.</source>
        <extracomment>Cobra 2: on the forearms: step 3</extracomment>
        <translation>让胸部抬起，髋部留在地面上。肩膀远离耳朵，颈部保持舒展。</translation>
    </message>
    <message>
        <source>Breathe slowly. Each time you breathe out, relax your back and let your body sink toward the floor.</source>
        <extracomment>Cobra 2: on the forearms: step 4</extracomment>
        <translation>慢慢呼吸。每次呼气时，放松背部，让身体向地面下沉。</translation>
    </message>
    <message>
        <source>Slide your arms forward, lower your chest and rest. Then roll to your side and get up slowly.</source>
        <extracomment>Cobra 2: on the forearms: step 5</extracomment>
        <translation>双臂向前滑开，放低胸部，休息一下。然后翻身侧躺，慢慢起身。</translation>
    </message>
</context>
<context>
    <name>stretch:cobra-high</name>
    <message>
        <source>Cobra 3: high cobra</source>
        <extracomment>Cobra 3: high cobra: name</extracomment>
        <translation>眼镜蛇式 3：高位眼镜蛇</translation>
    </message>
    <message>
        <source>The fullest cobra: pressing up on your hands gives the lower back a deeper, gentle backward bend.</source>
        <extracomment>Cobra 3: high cobra: summary</extracomment>
        <translation>最完整的眼镜蛇式：用双手向上撑起，让下背部得到更深一些、但依然温和的后弯。</translation>
    </message>
    <message>
        <source>Only try this once Cobras 1 and 2 feel easy. Press up gently and only as far as is comfortable, and skip this one if it pinches your lower back. Lie on a mat or carpet, and get down and up carefully. Stop if it hurts: mild stretch is fine, sharp pain is not. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Cobra 3: high cobra: caution</extracomment>
        <translation>等眼镜蛇式 1 和 2 都做得轻松了，再尝试这一个。轻轻撑起，只到舒适的程度；如果下背部有夹挤感，就不要做这一个。躺在垫子或地毯上，趴下和起身时都要小心。如果疼痛就停下：轻微的拉伸感没问题，剧痛则不行。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Lie face down on a mat with your legs straight and the tops of your feet on the floor.</source>
        <extracomment>Cobra 3: high cobra: step 1</extracomment>
        <translation>俯卧在垫子上，双腿伸直，脚背贴地。</translation>
    </message>
    <message>
        <source>Place your hands flat on the floor under your shoulders, elbows close to your sides.</source>
        <extracomment>Cobra 3: high cobra: step 2</extracomment>
        <translation>双手平放在肩膀下方的地面上，手肘贴近身体两侧。</translation>
    </message>
    <message>
        <source>Press up slowly, only as far as is comfortable. Keep your hips on the floor and your shoulders away from your ears.</source>
        <extracomment>Cobra 3: high cobra: step 3</extracomment>
        <translation>慢慢向上撑起，只到舒适的程度。髋部留在地面上，肩膀远离耳朵。</translation>
    </message>
    <message>
        <source>Breathe slowly and let your lower back relax. Softly bent elbows are fine.</source>
        <extracomment>Cobra 3: high cobra: step 4</extracomment>
        <translation>慢慢呼吸，让下背部放松。手肘微微弯曲也没关系。</translation>
    </message>
    <message>
        <source>Lower yourself down slowly and rest for a breath. Then roll to your side and get up carefully.</source>
        <extracomment>Cobra 3: high cobra: step 5</extracomment>
        <translation>慢慢放低身体，休息一个呼吸。然后翻身侧躺，小心起身。</translation>
    </message>
</context>
<context>
    <name>stretch:cobra-low</name>
    <message>
        <source>Cobra 1: low, on the fists</source>
        <extracomment>Cobra 1: low, on the fists: name</extracomment>
        <translation>眼镜蛇式 1：低位，额头枕拳</translation>
    </message>
    <message>
        <source>The gentlest cobra: resting the head on your fists lets the lower back ease into its natural curve.</source>
        <extracomment>Cobra 1: low, on the fists: summary</extracomment>
        <translation>最温和的眼镜蛇式：把额头枕在拳头上，让下背部放松，回到自然的弧度。</translation>
    </message>
    <message>
        <source>Start here, gently, before the higher cobras; move on slowly as it gets easier. Don&apos;t press up with your hands yet; that can load the lower back too early. Lie on a mat or carpet, and get down and up carefully. Stop if it hurts: mild stretch is fine, sharp or pinching pain is not. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Cobra 1: low, on the fists: caution</extracomment>
        <translation>先从这里开始，动作要轻柔，之后再做更高的眼镜蛇式；等动作变得轻松后，再慢慢进阶。暂时不要用手向上撑，那样可能过早给下背部加压。躺在垫子或地毯上，趴下和起身时都要小心。如果疼痛就停下：轻微的拉伸感没问题，剧痛或夹挤痛则不行。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Lie face down on a mat with your legs straight and the tops of your feet on the floor.</source>
        <extracomment>Cobra 1: low, on the fists: step 1</extracomment>
        <translation>俯卧在垫子上，双腿伸直，脚背贴地。</translation>
    </message>
    <message>
        <source>Make two fists and stack one on top of the other under your face. Rest your forehead on them.</source>
        <extracomment>Cobra 1: low, on the fists: step 2</extracomment>
        <translation>双手握拳，上下叠放在脸的下方，把额头枕在拳头上。</translation>
    </message>
    <message>
        <source>Let your belly and hips stay heavy on the floor. Don&apos;t press up with your hands.</source>
        <extracomment>Cobra 1: low, on the fists: step 3</extracomment>
        <translation>让腹部和髋部沉沉地贴在地面上。不要用手往上撑。</translation>
    </message>
    <message>
        <source>Breathe slowly. Each time you breathe out, let your lower back relax into a gentle curve.</source>
        <extracomment>Cobra 1: low, on the fists: step 4</extracomment>
        <translation>慢慢呼吸。每次呼气时，让下背部放松，形成一个柔和的弧度。</translation>
    </message>
    <message>
        <source>Lower your head to the side, rest for a breath, then roll to your side and get up slowly.</source>
        <extracomment>Cobra 1: low, on the fists: step 5</extracomment>
        <translation>把头转向一侧放下，休息一个呼吸，然后翻身侧躺，慢慢起身。</translation>
    </message>
</context>
<context>
    <name>stretch:floor-sit-wall</name>
    <message>
        <source>Floor sit against a wall</source>
        <extracomment>Floor sit against a wall: name</extracomment>
        <translation>靠墙坐地</translation>
    </message>
    <message>
        <source>Sitting tall against a wall with active legs resets your posture and gently lengthens the back and the backs of the legs.</source>
        <extracomment>Floor sit against a wall: summary</extracomment>
        <translation>背靠墙挺直坐好，双腿主动发力，可以重新调整姿势，并温和地拉长背部和腿的后侧。</translation>
    </message>
    <message>
        <source>Get down to the floor and back up slowly, with a chair or the wall for support. The first 10 to 20 seconds may feel uncomfortable; that should ease. Stop if it hurts: a mild pull is fine, sharp or growing pain is not. Start with a shorter hold and build up slowly. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Floor sit against a wall: caution</extracomment>
        <translation>坐到地上和起身时都要慢，用椅子或墙壁支撑。最初的 10 到 20 秒可能会不舒服，之后应该会缓解。如果疼痛就停下：轻微的牵拉感没问题，剧痛或越来越痛则不行。先从较短的保持时间开始，再慢慢延长。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Sit on the floor with your back against a wall and your legs straight out in front of you. Get your hips as close to the wall as you can.</source>
        <extracomment>Floor sit against a wall: step 1</extracomment>
        <translation>坐在地上，背靠墙，双腿向前伸直。让臀部尽量贴近墙。</translation>
    </message>
    <message>
        <source>Sit tall so the backs of your shoulders touch the wall. Rest your hands on your thighs.</source>
        <extracomment>Floor sit against a wall: step 2</extracomment>
        <translation>挺直坐高，让肩膀后侧贴住墙。双手放在大腿上。</translation>
    </message>
    <message>
        <source>Tighten your thighs and pull your toes toward you. If your legs lift a little off the floor, that&apos;s fine.</source>
        <extracomment>Floor sit against a wall: step 3</extracomment>
        <translation>收紧大腿，把脚尖勾向自己。如果双腿稍微离开地面，也没关系。</translation>
    </message>
    <message>
        <source>Hold and breathe slowly and deeply. The first 10 to 20 seconds may feel uncomfortable; then it eases.</source>
        <extracomment>Floor sit against a wall: step 4</extracomment>
        <translation>保持姿势，缓慢而深长地呼吸。最初的 10 到 20 秒可能会不舒服，之后就会缓解。</translation>
    </message>
    <message>
        <source>Relax your legs, then roll to one side and get up slowly, using a chair or the wall for support.</source>
        <extracomment>Floor sit against a wall: step 5</extracomment>
        <translation>放松双腿，然后侧身翻向一边，借助椅子或墙壁慢慢起身。</translation>
    </message>
</context>
<context>
    <name>stretch:floor-sit-wall-easy</name>
    <message>
        <source>Floor sit against a wall (easy)</source>
        <extracomment>Floor sit against a wall (easy): name</extracomment>
        <translation>靠墙坐地（简易版）</translation>
    </message>
    <message>
        <source>A gentler floor sit: resting against a wall with relaxed legs lets the back settle into a tall, supported posture.</source>
        <extracomment>Floor sit against a wall (easy): summary</extracomment>
        <translation>更温和的靠墙坐地：背靠墙、双腿放松，让背部在支撑下舒展成挺拔的姿势。</translation>
    </message>
    <message>
        <source>Get down to the floor and back up slowly, with a chair or the wall for support. A folded towel under your hips can make this more comfortable. Stop if it hurts: mild discomfort that fades is fine, sharp or growing pain is not. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Floor sit against a wall (easy): caution</extracomment>
        <translation>坐到地上和起身时都要慢，用椅子或墙壁支撑。在臀部下面垫一条折叠的毛巾会更舒服。如果疼痛就停下：轻微且会消退的不适没问题，剧痛或越来越痛则不行。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Sit on the floor with your back against a wall and your legs out in front of you. Get your hips as close to the wall as is comfortable.</source>
        <extracomment>Floor sit against a wall (easy): step 1</extracomment>
        <translation>坐在地上，背靠墙，双腿向前伸出。在舒适的范围内，让臀部尽量贴近墙。</translation>
    </message>
    <message>
        <source>Sit tall so the backs of your shoulders touch the wall. Rest your hands on your thighs.</source>
        <extracomment>Floor sit against a wall (easy): step 2</extracomment>
        <translation>挺直坐高，让肩膀后侧贴住墙。双手放在大腿上。</translation>
    </message>
    <message>
        <source>Let your legs relax and rest on the floor. Your knees may bend a little.</source>
        <extracomment>Floor sit against a wall (easy): step 3</extracomment>
        <translation>让双腿放松，平放在地面上。膝盖可以稍微弯曲。</translation>
    </message>
    <message>
        <source>Hold and breathe slowly and deeply, letting your back settle against the wall.</source>
        <extracomment>Floor sit against a wall (easy): step 4</extracomment>
        <translation>保持姿势，缓慢而深长地呼吸，让背部靠着墙慢慢安定下来。</translation>
    </message>
    <message>
        <source>Roll to one side and get up slowly, using a chair or the wall for support.</source>
        <extracomment>Floor sit against a wall (easy): step 5</extracomment>
        <translation>侧身翻向一边，借助椅子或墙壁慢慢起身。</translation>
    </message>
</context>
<context>
    <name>stretch:hip-flexor-release</name>
    <message>
        <source>Hip flexor release</source>
        <extracomment>Hip flexor release: name</extracomment>
        <translation>髋屈肌放松</translation>
    </message>
    <message>
        <source>A kneeling lunge that stretches the front of the hip, where long sitting tightens the muscles that pull on the lower back.</source>
        <extracomment>Hip flexor release: summary</extracomment>
        <translation>跪姿弓步，拉伸髋部前侧；久坐会让这里的肌肉变紧，进而牵拉下背部。</translation>
    </message>
    <message>
        <source>Kneel on a cushion or folded towel to protect your knee, and hold a chair or wall for balance if you need to. Keep your torso upright and don&apos;t arch your back; the stretch should be felt at the front of the hip. Stop if it hurts: a mild pull is fine, sharp pain is not. Start gently and progress slowly. See a doctor if pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Hip flexor release: caution</extracomment>
        <translation>跪在软垫或折叠的毛巾上以保护膝盖；如有需要，扶住椅子或墙壁保持平衡。上身保持直立，不要塌腰；拉伸感应该出现在髋部前侧。如果疼痛就停下：轻微的牵拉感没问题，剧痛则不行。从轻柔开始，循序渐进。如果疼痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Kneel on your left knee with a cushion under it. Put your right foot flat on the floor in front, knee above the ankle.</source>
        <extracomment>Hip flexor release: step 1</extracomment>
        <translation>左膝跪地，膝下垫一个软垫。右脚在前方平踩地面，膝盖位于脚踝正上方。</translation>
    </message>
    <message>
        <source>Stand your torso up tall, hands on your hips. Squeeze the buttock of your back (left) leg.</source>
        <extracomment>Hip flexor release: step 2</extracomment>
        <translation>上身挺直，双手叉腰。收紧后侧（左）腿的臀部。</translation>
    </message>
    <message>
        <source>Tuck your pelvis under, as if tilting your hips back, until you feel a stretch at the front of your left hip. Don&apos;t arch your back.</source>
        <extracomment>Hip flexor release: step 3</extracomment>
        <translation>骨盆向下内收，好像把髋部向后倾，直到左髋前侧感到拉伸。不要塌腰。</translation>
    </message>
    <message>
        <source>Now switch: kneel on your right knee on the cushion, left foot flat in front, knee above the ankle.</source>
        <extracomment>Hip flexor release: step 4</extracomment>
        <translation>现在换边：右膝跪在软垫上，左脚在前方平踩地面，膝盖位于脚踝正上方。</translation>
    </message>
    <message>
        <source>Stand your torso up tall, hands on your hips. Squeeze the buttock of your back (right) leg.</source>
        <extracomment>Hip flexor release: step 5</extracomment>
        <translation>上身挺直，双手叉腰。收紧后侧（右）腿的臀部。</translation>
    </message>
    <message>
        <source>Tuck your pelvis under until you feel a stretch at the front of your right hip. Keep your back straight and breathe slowly.</source>
        <extracomment>Hip flexor release: step 6</extracomment>
        <translation>骨盆向下内收，直到右髋前侧感到拉伸。保持背部挺直，慢慢呼吸。</translation>
    </message>
    <message>
        <source>Step your front foot back and get up slowly, holding on to something steady if you need to.</source>
        <extracomment>Hip flexor release: step 7</extracomment>
        <translation>把前脚收回，慢慢起身；如有需要，扶住稳固的东西。</translation>
    </message>
</context>
<context>
    <name>stretch:reverse-stretch</name>
    <message>
        <source>Reverse stretch at a wall</source>
        <extracomment>Reverse stretch at a wall: name</extracomment>
        <translation>扶墙反向拉伸</translation>
    </message>
    <message>
        <source>Lengthens the whole back and gently restores the inward curve of the lower back after a long spell of sitting.</source>
        <extracomment>Reverse stretch at a wall: summary</extracomment>
        <translation>拉长整个背部，在久坐之后温和地恢复下背部向内的自然弧度。</translation>
    </message>
    <message>
        <source>Stop if it hurts: a mild pull is fine, sharp or growing pain is not. Start gently and go only as far as feels comfortable; flexibility builds over time. Keep your hips above your feet and don&apos;t force the arch. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Reverse stretch at a wall: caution</extracomment>
        <translation>如果疼痛就停下：轻微的牵拉感没问题，剧痛或越来越痛则不行。从轻柔开始，只做到感觉舒适的程度；柔韧性需要时间慢慢养成。髋部保持在双脚正上方，不要强行压出弧度。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Stand facing a wall, about an arm&apos;s length away, feet hip-width apart. Place your palms flat on the wall at shoulder height.</source>
        <extracomment>Reverse stretch at a wall: step 1</extracomment>
        <translation>面对墙站立，离墙大约一臂远，双脚与髋同宽。双手掌心平贴在与肩同高的墙面上。</translation>
    </message>
    <message>
        <source>Walk your feet back and bend forward from the hips, sliding your hands down the wall until they are about level with your hips.</source>
        <extracomment>Reverse stretch at a wall: step 2</extracomment>
        <translation>双脚向后退，从髋部向前屈身，双手沿墙向下滑，直到大约与髋部同高。</translation>
    </message>
    <message>
        <source>Keep your hips right above your feet and your elbows straight. Softly bent knees are fine.</source>
        <extracomment>Reverse stretch at a wall: step 3</extracomment>
        <translation>髋部保持在双脚正上方，手肘伸直。膝盖微微弯曲也没关系。</translation>
    </message>
    <message>
        <source>Lengthen your back, let your chest sink toward the floor and your lower back arch gently. Tighten your thighs and breathe slowly.</source>
        <extracomment>Reverse stretch at a wall: step 4</extracomment>
        <translation>拉长背部，让胸口向地面下沉，下背部温和地向内弯。收紧大腿，慢慢呼吸。</translation>
    </message>
    <message>
        <source>Walk your feet toward the wall, bend your knees a little and slowly come back up to standing.</source>
        <extracomment>Reverse stretch at a wall: step 5</extracomment>
        <translation>双脚向墙走回，膝盖稍微弯曲，慢慢起身站直。</translation>
    </message>
</context>
<context>
    <name>stretch:reverse-stretch-chair</name>
    <message>
        <source>Reverse stretch at a chair</source>
        <extracomment>Reverse stretch at a chair: name</extracomment>
        <translation>扶椅反向拉伸</translation>
    </message>
    <message>
        <source>The reverse stretch using a chair or desk: lengthens the back and eases the lower back after sitting.</source>
        <extracomment>Reverse stretch at a chair: summary</extracomment>
        <translation>借助椅子或书桌做的反向拉伸：拉长背部，在久坐之后放松下背部。</translation>
    </message>
    <message>
        <source>Use a sturdy chair that cannot roll or tip (no office chair on wheels), or the edge of a solid desk. Stop if it hurts: a mild pull is fine, sharp or growing pain is not. Start gently and go only as far as feels comfortable. See a doctor if back pain persists, is severe, or comes with numbness, tingling or weakness.</source>
        <extracomment>Reverse stretch at a chair: caution</extracomment>
        <translation>使用一把不会滑动或翻倒的结实椅子（不要用带轮子的办公椅），或者稳固书桌的边缘。如果疼痛就停下：轻微的牵拉感没问题，剧痛或越来越痛则不行。从轻柔开始，只做到感觉舒适的程度。如果背痛持续不退、很严重，或伴有麻木、刺痛或无力，请就医。</translation>
    </message>
    <message>
        <source>Stand behind a sturdy chair that cannot roll, or at a solid desk. Rest both hands on the top of the backrest.</source>
        <extracomment>Reverse stretch at a chair: step 1</extracomment>
        <translation>站在一把不会滑动的结实椅子后面，或站在稳固的书桌前。双手扶在椅背顶端。</translation>
    </message>
    <message>
        <source>Walk your feet back and bend forward from the hips until your arms are straight and your back is long.</source>
        <extracomment>Reverse stretch at a chair: step 2</extracomment>
        <translation>双脚向后退，从髋部向前屈身，直到手臂伸直、背部拉长。</translation>
    </message>
    <message>
        <source>Bring your hips right above your feet. The height of your hands matters less than a long back and a lowered chest.</source>
        <extracomment>Reverse stretch at a chair: step 3</extracomment>
        <translation>让髋部位于双脚正上方。双手的高度没那么重要，重要的是背部拉长、胸口下沉。</translation>
    </message>
    <message>
        <source>Let your chest sink toward the floor and your lower back arch gently. Tighten your thighs and breathe slowly.</source>
        <extracomment>Reverse stretch at a chair: step 4</extracomment>
        <translation>让胸口向地面下沉，下背部温和地向内弯。收紧大腿，慢慢呼吸。</translation>
    </message>
    <message>
        <source>Walk your feet back in toward the chair and slowly come up to standing.</source>
        <extracomment>Reverse stretch at a chair: step 5</extracomment>
        <translation>双脚走回椅子跟前，慢慢起身站直。</translation>
    </message>
</context>
</TS>
