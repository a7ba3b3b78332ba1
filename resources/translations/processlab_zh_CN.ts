<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the example (F5); while stepping: continue</source>
        <translation>运行示例（F5）；单步执行时：继续</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>Run the main program one statement at a time (F10)</source>
        <translation>逐条语句执行主程序（F10）</translation>
    </message>
    <message>
        <source>Re-r&amp;un</source>
        <translation>重新运行(&amp;U)</translation>
    </message>
    <message>
        <source>Stop if running and run again with the current settings</source>
        <translation>如正在运行则先停止，再按当前设置重新运行</translation>
    </message>
    <message>
        <source>Save the last run&apos;s full event record as JSON</source>
        <translation>将上一次运行的完整事件记录保存为 JSON</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Panes as &amp;Grid</source>
        <translation>以网格显示窗格(&amp;G)</translation>
    </message>
    <message>
        <source>Panes as &amp;Tabs</source>
        <translation>以标签页显示窗格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode (Large Fonts)</source>
        <translation>演示模式（大字体）(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About ProcessLab</source>
        <translation>关于 ProcessLab(&amp;A)</translation>
    </message>
    <message>
        <source>Large fonts and a layout for projectors: the code whole, the output panes beside it, the example list folded away</source>
        <translation>适合投影仪的大字体和布局：代码完整显示，输出窗格在其旁边，示例列表收起</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Reset &amp;Knobs to the Tutorial&apos;s Values</source>
        <translation>将参数重置为教程中的值(&amp;K)</translation>
    </message>
    <message>
        <source>Set this example&apos;s knobs back to the values of the tutorial&apos;s listing</source>
        <translation>将此示例的参数恢复为教程代码中的值</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Original &amp;Tutorial Text</source>
        <translation>教程原文(&amp;T)</translation>
    </message>
    <message>
        <source>The Chinese tutorial the examples come from, as it was published</source>
        <translation>示例所依据的中文教程（原样发布）</translation>
    </message>
    <message>
        <source>Stop the run as Python&apos;s terminate() does: SIGTERM to every process, SIGKILL 2 s later to any still alive</source>
        <translation>像 Python 的 terminate() 那样停止运行：向每个进程发送 SIGTERM，2 秒后仍未退出的进程发送 SIGKILL</translation>
    </message>
    <message>
        <source>&amp;Run Record (JSON)…</source>
        <translation>运行记录（JSON）(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ProcessLab</name>
    <message>
        <source>%1: expected a whole number from %2 to %3, got &apos;%4&apos;</source>
        <translation>%1：应为 %2 到 %3 之间的整数，实际为“%4”</translation>
    </message>
    <message>
        <source>%1: expected a number from %2 to %3, got &apos;%4&apos;</source>
        <translation>%1：应为 %2 到 %3 之间的数值，实际为“%4”</translation>
    </message>
    <message>
        <source>%1: expected on or off, got &apos;%2&apos;</source>
        <translation>%1：应为 on 或 off，实际为“%2”</translation>
    </message>
    <message>
        <source>unknown option --%1 for this example</source>
        <translation>此示例不支持选项 --%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>processlab-worker not found; looked in: %1</source>
        <translation>找不到 processlab-worker；已在以下位置查找：%1</translation>
    </message>
    <message>
        <source>write failed: %1</source>
        <translation>写入失败：%1</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>这是一个目录</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>the directory %1 does not exist</source>
        <translation>目录 %1 不存在</translation>
    </message>
    <message>
        <source>cannot create a new file in %1: %2</source>
        <translation>无法在 %1 中创建新文件：%2</translation>
    </message>
    <message>
        <source>%1: expected one of %2, got &apos;%3&apos;</source>
        <translation>%1：应为 %2 之一，实际为“%3”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs schema version %2 (the file says %3)</source>
        <translation>“%1”需要格式版本 %2（文件中为 %3）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>only an end state (finished, failed, killed) has an exit status</source>
        <translation>只有结束状态（finished、failed、killed）才有退出状态</translation>
    </message>
</context>
<context>
    <name>ProcessLab::AppOptions</name>
    <message>
        <source>ProcessLab desktop app</source>
        <translation>ProcessLab 桌面应用</translation>
    </message>
</context>
<context>
    <name>ProcessLab::CodePanel</name>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <source>Python (tutorial)</source>
        <translation>Python（教程）</translation>
    </message>
    <message>
        <source>C++ (worker)</source>
        <translation>C++（工作进程）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <extracomment>A changed knob: its name, the default (the tutorial&apos;s) value, the value of the program shown.</extracomment>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Python (changed)</source>
        <translation>Python（已修改）</translation>
    </message>
    <message>
        <source>The tutorial&apos;s original code, for reading. The run follows the changed program.</source>
        <translation>教程的原始代码，仅供阅读。运行的是修改后的程序。</translation>
    </message>
    <message>
        <source>Show the code that runs</source>
        <translation>查看运行的代码</translation>
    </message>
    <message>
        <source>Changed from the tutorial: %1</source>
        <translation>与教程不同：%1</translation>
    </message>
    <message>
        <source>Show the tutorial&apos;s code</source>
        <translation>查看教程原代码</translation>
    </message>
    <message>
        <source>The tutorial&apos;s program written for the knobs&apos; values: python3 runs it with the same output as ProcessLab.</source>
        <translation>按当前参数改写的教程程序：用 python3 运行，输出与 ProcessLab 相同。</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>ProcessLab&apos;s own example: the tutorial names this topic but has no program for it.</source>
        <translation>ProcessLab 自己的示例:教程只提到了这一主题,没有给出程序。</translation>
    </message>
    <message>
        <source>The example&apos;s code at its default values, for reading. The run follows the changed program.</source>
        <translation>示例在默认参数下的代码,仅供阅读。运行的是修改后的程序。</translation>
    </message>
    <message>
        <source>Changed from the defaults: %1</source>
        <translation>与默认值不同:%1</translation>
    </message>
    <message>
        <source>Show the default code</source>
        <translation>查看默认代码</translation>
    </message>
    <message>
        <source>The example&apos;s program written for the knobs&apos; values: python3 runs it with the same output as ProcessLab.</source>
        <translation>按参数值写出的示例程序:用 python3 运行,输出与 ProcessLab 相同。</translation>
    </message>
    <message>
        <source>Reset the code</source>
        <translation>恢复代码</translation>
    </message>
    <message>
        <source>Discard your edits and go back to the text of %1 as it was opened?</source>
        <translation>放弃修改，恢复为打开 %1 时的内容？</translation>
    </message>
    <message>
        <source>Discard your edits and go back to the tutorial&apos;s code for the knobs&apos; values?</source>
        <translation>放弃修改，恢复为当前参数对应的教程代码？</translation>
    </message>
    <message>
        <source>Discard your edits and go back to the example&apos;s code for the knobs&apos; values?</source>
        <translation>放弃修改，恢复为当前参数对应的示例代码？</translation>
    </message>
    <message>
        <source>Your edited code is lost.</source>
        <translation>你编辑的代码将会丢失。</translation>
    </message>
    <message>
        <source>Discard Edits</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <extracomment>The Python tab&apos;s title for a user&apos;s script with unsaved edits; %1 is its file name.</extracomment>
        <translation>%1（已编辑）</translation>
    </message>
    <message>
        <source>Python (edited)</source>
        <translation>Python（已编辑）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the script here; Run with Python runs the edited code (the file is not changed).</source>
        <translation>在这里编辑脚本；“用 Python 运行”运行编辑后的代码（文件本身不变）。</translation>
    </message>
    <message>
        <source>Edit the program; Run with Python runs the edited code, the native run follows the knobs.</source>
        <translation>编辑程序；“用 Python 运行”运行编辑后的代码，原生运行仍按参数设置。</translation>
    </message>
    <message>
        <source>Reset to the File&apos;s Text</source>
        <translation>恢复为文件原文</translation>
    </message>
    <message>
        <source>Reset to the Tutorial&apos;s Code</source>
        <translation>恢复为教程代码</translation>
    </message>
    <message>
        <source>Reset to the Example&apos;s Code</source>
        <translation>恢复为示例代码</translation>
    </message>
    <message>
        <source>Discard your edits: the script&apos;s text as it was opened.</source>
        <translation>放弃修改：恢复为打开时的脚本内容。</translation>
    </message>
    <message>
        <source>Discard your edits: the program for the knobs&apos; values.</source>
        <translation>放弃修改：恢复为当前参数对应的程序。</translation>
    </message>
    <message>
        <source>Line markers are hidden: they belong to the code the run started with.</source>
        <translation>行标记已隐藏：它们属于本次运行开始时的代码。</translation>
    </message>
    <message>
        <source>Edited: Run with Python runs this code; %1 on disk is not changed.</source>
        <translation>已编辑：“用 Python 运行”会运行这段代码；磁盘上的 %1 不会改变。</translation>
    </message>
    <message>
        <source>Edit the code, then Run with Python runs it; %1 on disk is not changed.</source>
        <translation>编辑代码后，“用 Python 运行”会运行它；磁盘上的 %1 不会改变。</translation>
    </message>
    <message>
        <source>The tutorial&apos;s original code, for reading. Run with Python runs your edited code.</source>
        <translation>教程原代码，仅供阅读。“用 Python 运行”运行你编辑后的代码。</translation>
    </message>
    <message>
        <source>The example&apos;s code at its default values, for reading. Run with Python runs your edited code.</source>
        <translation>示例在默认参数下的代码，仅供阅读。“用 Python 运行”运行你编辑后的代码。</translation>
    </message>
    <message>
        <source>Edited: Run with Python runs this code; the native run follows the knobs.</source>
        <translation>已编辑：“用 Python 运行”会运行这段代码；原生运行仍按参数设置。</translation>
    </message>
    <message>
        <source>The knobs changed since: your code is kept.</source>
        <translation>参数之后有改动：你的代码已保留。</translation>
    </message>
    <message>
        <source>Edit the code, then Run with Python runs it; the native run follows the knobs.</source>
        <translation>编辑代码后，“用 Python 运行”会运行它；原生运行仍按参数设置。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::CodeView</name>
    <message>
        <source>Main</source>
        <translation>主进程</translation>
    </message>
    <message>
        <source>Also at line %1: %2</source>
        <translation>第 %1 行还有：%2</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ConsoleView</name>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation>进程名</translation>
    </message>
    <message>
        <source>Show when each line was printed, in seconds since the run started</source>
        <translation>显示每行的输出时间（从本次运行开始计起的秒数）</translation>
    </message>
    <message>
        <source>Show which process printed each line</source>
        <translation>显示每行是由哪个进程输出的</translation>
    </message>
</context>
<context>
    <name>ProcessLab::CpuLane</name>
    <message>
        <source>CPU %1 of one core</source>
        <translation>CPU 单核占用 %1</translation>
    </message>
    <message>
        <source>CPU %1 of one core · memory %2</source>
        <translation>CPU 单核占用 %1 · 内存 %2</translation>
    </message>
</context>
<context>
    <name>ProcessLab::CpuSparkline</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>Main is played by ProcessLab itself: its CPU use is the app&apos;s own work, so it is not measured.</source>
        <translation>主进程由 ProcessLab 自身扮演：它的 CPU 占用是应用自己的工作，因此不予测量。</translation>
    </message>
    <message>
        <source>CPU and memory use cannot be measured on this system.</source>
        <translation>此系统上无法测量 CPU 和内存占用。</translation>
    </message>
    <message>
        <source>CPU use: not measured yet.</source>
        <translation>CPU 占用：尚未测量。</translation>
    </message>
    <message>
        <source>CPU time in total: %1</source>
        <translation>CPU 时间总计：%1</translation>
    </message>
    <message>
        <source>CPU: %1 of one core (last sample)
CPU time so far: %2</source>
        <translation>CPU：单核占用 %1（最近一次采样）
目前的 CPU 时间：%2</translation>
    </message>
    <message>
        <source>Memory (resident): %1, at most %2</source>
        <translation>内存（常驻）：%1，峰值 %2</translation>
    </message>
    <message numerus="yes">
        <source>The curve: CPU use since it started, at most the last %n second(s); 0–100% of one core.</source>
        <translation>
            <numerusform>曲线：自启动以来的 CPU 占用，最多显示最近 %n 秒；范围为单核的 0–100%。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessLab::EventFields</name>
    <message>
        <source>event %1 (line %2), field &quot;%3&quot;: %4</source>
        <translation>事件 %1（第 %2 行），字段“%3”：%4</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>%1 is out of range (%2 to %3)</source>
        <translation>%1 超出范围（%2 到 %3）</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>too long (%1 characters; at most %2)</source>
        <translation>太长（%1 个字符；最多 %2 个）</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;</source>
        <translation>未知的值“%1”</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ExportMenu</name>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Perfetto Trace…</source>
        <translation>Perfetto 跟踪(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the run as a trace for ui.perfetto.dev or chrome://tracing</source>
        <translation>将本次运行保存为跟踪文件，可在 ui.perfetto.dev 或 chrome://tracing 中查看</translation>
    </message>
    <message>
        <source>&amp;CSV Tables…</source>
        <translation>CSV 表格(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the per-process table as CSV (a pool&apos;s tasks go to NAME-tasks.csv)</source>
        <translation>将各进程的表格保存为 CSV（进程池的任务另存为 NAME-tasks.csv）</translation>
    </message>
    <message>
        <source>Timeline as &amp;SVG…</source>
        <translation>时间线图像（SVG）(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the timeline as shown (zoom and scroll), every row, as a vector image</source>
        <translation>按当前显示（缩放和滚动位置）将时间线的所有行保存为矢量图</translation>
    </message>
    <message>
        <source>Timeline as P&amp;NG…</source>
        <translation>时间线图像（PNG）(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the timeline as shown (zoom and scroll), every row, as a picture</source>
        <translation>按当前显示（缩放和滚动位置）将时间线的所有行保存为图片</translation>
    </message>
    <message>
        <source>There is no run to export.</source>
        <translation>没有可导出的运行。</translation>
    </message>
    <message>
        <source>Export Perfetto Trace</source>
        <translation>导出 Perfetto 跟踪</translation>
    </message>
    <message>
        <source>Trace files (*.json)</source>
        <translation>跟踪文件 (*.json)</translation>
    </message>
    <message>
        <source>Export CSV Tables</source>
        <translation>导出 CSV 表格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>ProcessLab::FirstRunHint</name>
    <message>
        <source>Choose an example on the left, then press %1 to run it.</source>
        <translation>在左侧选择一个示例，然后按 %1 运行。</translation>
    </message>
    <message>
        <source>Hide this hint</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>Take the 2-Minute Tour</source>
        <translation>两分钟快速导览</translation>
    </message>
</context>
<context>
    <name>ProcessLab::HandoutWriter</name>
    <message>
        <source>A ProcessLab walkthrough in one step</source>
        <translation>ProcessLab 导览（共 1 步）</translation>
    </message>
    <message>
        <source>A ProcessLab walkthrough in %1 steps</source>
        <translation>ProcessLab 导览（共 %1 步）</translation>
    </message>
    <message>
        <source>No file name was given for the handout.</source>
        <translation>没有给出讲义的文件名。</translation>
    </message>
    <message>
        <source>Cannot write the handout %1: it has no steps.</source>
        <translation>无法写入讲义 %1：它没有任何步骤。</translation>
    </message>
    <message>
        <source>Cannot write the handout %1: it is a folder.</source>
        <translation>无法写入讲义 %1：这是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the handout %1: %2</source>
        <translation>无法写入讲义 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the handout %1: the PDF could not be started.</source>
        <translation>无法写入讲义 %1：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>No folder was given for the handout.</source>
        <translation>没有给出讲义的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the handout to %1: it has no steps.</source>
        <translation>无法将讲义写入 %1：它没有任何步骤。</translation>
    </message>
    <message>
        <source>Cannot write the handout to %1: it is a file, not a folder.</source>
        <translation>无法将讲义写入 %1：这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the handout to %1: the folder could not be created.</source>
        <translation>无法将讲义写入 %1：无法创建该文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the handout to %1: the folder is not empty (it holds %2). Choose an empty folder or one with an earlier handout.</source>
        <translation>无法将讲义写入 %1：该文件夹不是空的（其中有 %2）。请选择一个空文件夹，或存放以前讲义的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: the picture could not be encoded.</source>
        <translation>无法写入 %1：无法编码图片。</translation>
    </message>
    <message>
        <source>Cannot remove %1 of an earlier handout.</source>
        <translation>无法删除以前讲义中的 %1。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::HostSegment</name>
    <message>
        <source>invalid run name for a shared-memory segment: &quot;%1&quot;</source>
        <translation>共享内存段的运行名称无效:“%1”</translation>
    </message>
    <message>
        <source>cannot create shared memory &quot;%1&quot;: invalid size %2</source>
        <translation>无法创建共享内存“%1”:大小 %2 无效</translation>
    </message>
    <message>
        <source>cannot create shared memory &quot;%1&quot;: unsupported key type</source>
        <translation>无法创建共享内存“%1”:不支持的键类型</translation>
    </message>
    <message>
        <source>cannot create shared memory &quot;%1&quot;: %2</source>
        <translation>无法创建共享内存“%1”:%2</translation>
    </message>
</context>
<context>
    <name>ProcessLab::IpcObject</name>
    <message>
        <source>%1: the lock was recovered from its dead owner (pid %2)</source>
        <translation>%1:已从终止的持有者(PID %2)手中收回锁</translation>
    </message>
    <message>
        <source>%1: after %2 operations only counters are recorded</source>
        <translation>%1:%2 次操作之后只记录计数</translation>
    </message>
    <message>
        <source>ValueError: the main program can put or send items of up to %1 KiB (this one is %2 KiB); worker processes can pass bigger ones</source>
        <translation>ValueError:主进程放入或发送的数据最多 %1 KiB(这一项为 %2 KiB);更大的数据可以在子进程之间传递</translation>
    </message>
    <message>
        <source>%1: a lock its process held was recovered</source>
        <translation>%1:已收回该进程持有的锁</translation>
    </message>
    <message>
        <source>%1: a message it was sending was discarded (never delivered)</source>
        <translation>%1:它正在发送的消息已丢弃(未送达)</translation>
    </message>
    <message>
        <source>%1: a message it was receiving was lost with it</source>
        <translation>%1:它正在接收的消息随进程一起丢失</translation>
    </message>
    <message>
        <source>%1: an item it was putting was discarded (never delivered)</source>
        <translation>%1:它正在放入的数据已丢弃(未送达)</translation>
    </message>
    <message>
        <source>%1: an item it was getting was lost with it</source>
        <translation>%1:它正在取出的数据随进程一起丢失</translation>
    </message>
</context>
<context>
    <name>ProcessLab::IpcViewText</name>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Past %1 operations only counters are recorded: the items themselves are no longer shown.</source>
        <translation>超过 %1 次操作后只记录计数：不再显示数据本身。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::KillWorkerDialog</name>
    <message>
        <source>%1 (PID %2)</source>
        <translation>%1（PID %2）</translation>
    </message>
    <message>
        <source>Its current task %1 will be reported lost.</source>
        <translation>它当前的任务 %1 将被报告为丢失。</translation>
    </message>
    <message>
        <source>Its current task %1, %2, will be reported lost.</source>
        <translation>它当前的任务 %1（%2）将被报告为丢失。</translation>
    </message>
    <message>
        <source>It is idle now: if it takes a task before it dies, that task is reported lost.</source>
        <translation>它现在空闲：如果它在终止前领取了任务，该任务将被报告为丢失。</translation>
    </message>
    <message>
        <source>ProcessLab will kill %1 on purpose, as if it had crashed.</source>
        <translation>ProcessLab 将故意终止 %1，就像它崩溃了一样。</translation>
    </message>
    <message>
        <source>The pool starts a new worker in its place, and the program goes on; the record says that you killed it.</source>
        <translation>进程池会启动一个新的工作进程接替它，程序继续运行；运行记录会注明是你终止了它。</translation>
    </message>
    <message>
        <source>Python&apos;s own multiprocessing.Pool would not report the loss: the result of that task would never come, and get() or join() would wait for ever.</source>
        <translation>Python 自己的 multiprocessing.Pool 不会报告这一丢失：该任务的结果永远不会到来，get() 或 join() 会一直等待下去。</translation>
    </message>
    <message>
        <source>Kill this worker?</source>
        <translation>终止此工作进程？</translation>
    </message>
    <message>
        <source>Kill the worker</source>
        <translation>终止工作进程</translation>
    </message>
</context>
<context>
    <name>ProcessLab::Knob</name>
    <message>
        <source>Workers</source>
        <translation>工作进程数</translation>
    </message>
    <message>
        <source>How many worker processes to start</source>
        <translation>要启动的工作进程数量</translation>
    </message>
    <message>
        <source>Sleep (s)</source>
        <translation>休眠（秒）</translation>
    </message>
    <message>
        <source>Delay (s)</source>
        <translation>延迟(秒)</translation>
    </message>
    <message>
        <source>Seconds each producer sleeps after each put (time.sleep)</source>
        <translation>每次 put 之后生产者休眠的秒数(time.sleep)</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>生产者进程数</translation>
    </message>
    <message>
        <source>How many producer processes put items into the queue</source>
        <translation>向队列放入数据的生产者进程数量</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者进程数</translation>
    </message>
    <message>
        <source>How many consumer processes get items from the queue</source>
        <translation>从队列获取数据的消费者进程数量</translation>
    </message>
    <message>
        <source>Items per producer</source>
        <translation>每个生产者的数据项数</translation>
    </message>
    <message>
        <source>How many items each producer puts</source>
        <translation>每个生产者放入队列的数据项数量</translation>
    </message>
    <message>
        <source>Queue size limit</source>
        <translation>队列容量上限</translation>
    </message>
    <message>
        <source>Queue(maxsize): a producer waits while the queue holds this many items; 0 = unbounded</source>
        <translation>Queue(maxsize):队列中有这么多项时生产者等待;0 表示不限</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>加锁</translation>
    </message>
    <message>
        <source>Hold counter.get_lock() around each increment; off shows lost updates</source>
        <translation>每次加 1 时持有 counter.get_lock();关闭后会出现丢失的更新</translation>
    </message>
    <message>
        <source>Increments per worker</source>
        <translation>每个进程的加 1 次数</translation>
    </message>
    <message>
        <source>How many times each worker adds 1 to the shared counter</source>
        <translation>每个进程对共享计数器加 1 的次数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>How many messages the child process sends</source>
        <translation>子进程发送的消息数量</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>Pool(processes): how many worker processes the pool starts</source>
        <translation>Pool(processes):进程池启动的工作进程数量</translation>
    </message>
    <message>
        <source>Seconds each task sleeps (time.sleep)</source>
        <translation>每个任务休眠的秒数(time.sleep)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>How many tasks are submitted with apply_async</source>
        <translation>用 apply_async 提交的任务数量</translation>
    </message>
    <message>
        <source>Tasks per worker</source>
        <translation>每个进程的任务数</translation>
    </message>
    <message>
        <source>Pool(maxtasksperchild): a worker is replaced by a new process after this many tasks; 0 = it lives as long as the pool</source>
        <translation>Pool(maxtasksperchild):工作进程完成这么多任务后由新进程替换;0 表示与进程池同生命周期</translation>
    </message>
    <message>
        <source>Kill a worker after (ms)</source>
        <translation>终止工作进程的时间(毫秒)</translation>
    </message>
    <message>
        <source>Fault injection by ProcessLab, not part of the Python program: after this many milliseconds, kill a pool worker that is running a task; the task is reported lost and a new worker runs the rest; 0 = off</source>
        <translation>ProcessLab 的故障注入,不属于 Python 程序:经过这么多毫秒后,终止进程池中一个正在执行任务的进程;该任务报告为丢失,由新进程执行其余任务;0 表示关闭</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>pool.map(square, range(items)): how many numbers to square</source>
        <translation>pool.map(square, range(items)):要计算平方的数字个数</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>分块大小</translation>
    </message>
    <message>
        <source>pool.map(chunksize): how many items a worker gets at once; 0 = Python&apos;s default rule</source>
        <translation>pool.map(chunksize):工作进程每次领取的元素个数;0 表示使用 Python 的默认规则</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作方式</translation>
    </message>
    <message>
        <source>What each worker does for its seconds: sleep, or keep a CPU core busy</source>
        <translation>每个工作进程在这段时间里做什么：休眠，或让一个 CPU 核心保持忙碌</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Seconds each worker sleeps (time.sleep) or computes (keeps a CPU core busy), as Work says</source>
        <translation>每个工作进程休眠（time.sleep）或计算（占满一个 CPU 核心）的秒数，由“工作方式”决定</translation>
    </message>
    <message>
        <source>after all starts</source>
        <translation>全部启动之后</translation>
    </message>
    <message>
        <source>after each start</source>
        <translation>每次启动之后</translation>
    </message>
    <message>
        <source>Joins</source>
        <translation>join() 的时机</translation>
    </message>
    <message>
        <source>When the main program calls join(): after starting every process (they run side by side), or right after each start (they run one at a time: N times as long)</source>
        <translation>主进程何时调用 join()：先启动所有进程再等待（进程同时运行），或每启动一个就立即等待它结束（进程逐个运行，耗时为 N 倍）</translation>
    </message>
    <message>
        <source>End marker (None)</source>
        <translation>结束标记（None）</translation>
    </message>
    <message>
        <source>Main puts one None per consumer to tell it to stop; off: the consumers wait in queue.get() for ever, until you stop the run</source>
        <translation>主进程为每个消费者放入一个 None，通知它停止；关闭后，消费者进程会一直在 queue.get() 中等待，直到你停止运行</translation>
    </message>
    <message>
        <source>with the producers</source>
        <translation>与生产者一起</translation>
    </message>
    <message>
        <source>after joining the producers</source>
        <translation>等待生产者结束之后</translation>
    </message>
    <message>
        <source>Start consumers</source>
        <translation>启动消费者</translation>
    </message>
    <message>
        <source>When Main starts the consumers: with the producers, or only after the producers&apos; join(). Then nobody empties the queue: once it is full, the producer waits for room and Main waits for the producer, until you stop the run (a deadlock)</source>
        <translation>主进程何时启动消费者进程：与生产者一起，或在生产者 join() 之后才启动。这样没有进程从队列中取数据：队列满了以后，生产者等待空位，主进程等待生产者，直到你停止运行（死锁）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::KnobPanel</name>
    <message>
        <source>unknown knob &apos;%1&apos; for example &apos;%2&apos; (knobs: %3)</source>
        <translation>示例“%2”没有参数“%1”（可用参数：%3）</translation>
    </message>
    <message>
        <source>the knobs show the replayed run&apos;s values: leave the replay to change them</source>
        <translation>参数显示的是回放运行的值：退出回放后才能修改</translation>
    </message>
</context>
<context>
    <name>ProcessLab::KnobToolBar</name>
    <message>
        <source>Knobs</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>ProcessLab::MainWindow</name>
    <message>
        <source>About ProcessLab</source>
        <translation>关于 ProcessLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ProcessLab %1&lt;/h3&gt;&lt;p&gt;Watch multi-process programs run: the examples of the Python &lt;i&gt;multiprocessing&lt;/i&gt; tutorial as real operating-system processes, with every process&apos;s output and timing live.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ProcessLab %1&lt;/h3&gt;&lt;p&gt;亲眼观察多进程程序的运行：Python &lt;i&gt;multiprocessing&lt;/i&gt; 教程中的示例将作为真实的操作系统进程运行，每个进程的输出和耗时都会实时显示。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Paused before line %1: %2 — press F10 to run it, F5 to continue</source>
        <translation>已暂停在第 %1 行之前：%2 —— 按 F10 执行该行，按 F5 继续</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>● Ready</source>
        <translation>● 就绪</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Stepping</source>
        <translation>单步执行中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>第 %1 次运行</translation>
    </message>
    <message>
        <source>Export Run Record</source>
        <translation>导出运行记录</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Processes alive: %1</source>
        <translation>存活进程：%1</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark (for dark rooms)</source>
        <translation>深色（适合暗环境）(&amp;D)</translation>
    </message>
    <message>
        <source>Paused before line %1: %2 (%3) — press F10 to run it, F5 to continue</source>
        <translation>已暂停在第 %1 行之前：%2（%3）—— 按 F10 执行该行，按 F5 继续</translation>
    </message>
    <message>
        <source>Quit ProcessLab</source>
        <translation>退出 ProcessLab</translation>
    </message>
    <message>
        <source>A run is still going (processes alive: %1). Stop it and quit?</source>
        <translation>仍有运行在进行中（存活进程：%1）。停止并退出吗？</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Reset &amp;Knobs to the Defaults</source>
        <translation>将参数重置为默认值(&amp;K)</translation>
    </message>
    <message>
        <source>Set this example&apos;s knobs back to their default values</source>
        <translation>将此示例的参数恢复为默认值</translation>
    </message>
    <message>
        <source>%1 (exit %2): %3</source>
        <translation>%1（退出码 %2）：%3</translation>
    </message>
    <message>
        <source>Kill this worker</source>
        <translation>终止此工作进程</translation>
    </message>
    <message>
        <source>The worker was not killed: %1</source>
        <translation>工作进程未被终止：%1</translation>
    </message>
    <message>
        <source>Replaying</source>
        <translation>回放中</translation>
    </message>
    <message>
        <source>Replay paused</source>
        <translation>回放已暂停</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Open Run Record</source>
        <translation>打开运行记录</translation>
    </message>
    <message>
        <source>Run records (*.json);;All files (*)</source>
        <translation>运行记录 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A run is in progress: stop it before opening a recorded run.</source>
        <translation>正在运行中：请先停止，再打开已记录的运行。</translation>
    </message>
    <message>
        <source>Cannot Open the Run</source>
        <translation>无法打开运行记录</translation>
    </message>
    <message>
        <source>its knobs do not fit this version (%1): the code shown is not the recorded one</source>
        <translation>其参数与此版本不符（%1）：显示的代码不是记录时的代码</translation>
    </message>
    <message>
        <source>its example &quot;%1&quot; is not in this version: no code is shown for it</source>
        <translation>此版本中没有其示例“%1”：不显示它的代码</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>&amp;Open Run…</source>
        <translation>打开运行记录(&amp;O)…</translation>
    </message>
    <message>
        <source>Replay a saved run record (JSON) in every view</source>
        <translation>在所有视图中回放已保存的运行记录（JSON）</translation>
    </message>
    <message>
        <source>The native run follows the knobs, not edited code: Run with Python (Ctrl+F5) runs the code as shown</source>
        <translation>原生运行按参数设置运行，不运行编辑过的代码：“用 Python 运行”（Ctrl+F5）运行所显示的代码</translation>
    </message>
    <message>
        <source>The native run runs the examples, not a script: Run with Python (Ctrl+F5) runs the script shown</source>
        <translation>原生运行只运行示例，不运行脚本：“用 Python 运行”（Ctrl+F5）运行所显示的脚本</translation>
    </message>
    <message>
        <source>Run the program shown with real Python, process by process (Ctrl+F5)</source>
        <translation>用真正的 Python 逐个进程地运行所显示的程序（Ctrl+F5）</translation>
    </message>
    <message>
        <source>Run the script shown with real Python, process by process (Ctrl+F5)</source>
        <translation>用真正的 Python 逐个进程地运行所显示的脚本（Ctrl+F5）</translation>
    </message>
    <message>
        <source>Run with &amp;Python</source>
        <translation>用 Python 运行(&amp;P)</translation>
    </message>
    <message>
        <source>Run with Python</source>
        <translation>用 Python 运行</translation>
    </message>
    <message>
        <source>Open &amp;Python Script…</source>
        <translation>打开 Python 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Show a .py file that uses multiprocessing and run it with Python, process by process</source>
        <translation>打开使用 multiprocessing 的 .py 文件，并用 Python 逐个进程地运行</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Python Interpreter…</source>
        <translation>Python 解释器(&amp;P)…</translation>
    </message>
    <message>
        <source>Cannot Run with Python</source>
        <translation>无法用 Python 运行</translation>
    </message>
    <message>
        <source>Open Python Script</source>
        <translation>打开 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot Open the Script</source>
        <translation>无法打开脚本</translation>
    </message>
    <message>
        <source>the working directory %1 does not exist</source>
        <translation>工作目录 %1 不存在</translation>
    </message>
    <message>
        <source>The knobs belong to the examples: a script runs as it is written. Choose an example to use them.</source>
        <translation>参数属于示例：脚本按原样运行。选择一个示例即可使用参数。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputActions</name>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Find text in this output (%1)</source>
        <translation>在此输出中查找文本（%1）</translation>
    </message>
    <message>
        <source>Show only the lines that contain a text</source>
        <translation>只显示包含指定文本的行</translation>
    </message>
    <message>
        <source>Copy the selected text, or all shown lines when nothing is selected</source>
        <translation>复制选中的文本；未选中任何内容时复制所有显示的行</translation>
    </message>
    <message>
        <source>Remove all lines from this view</source>
        <translation>清除此视图中的所有行</translation>
    </message>
    <message>
        <source>Save the shown lines to a UTF-8 text file</source>
        <translation>将显示的行保存为 UTF-8 文本文件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>[%1 earlier lines dropped; %2 lines follow]</source>
        <translation>[已丢弃更早的 %1 行；以下共 %2 行]</translation>
    </message>
    <message>
        <source>[only lines containing “%1”]</source>
        <translation>[仅显示包含“%1”的行]</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save the output to %1:
%2</source>
        <translation>无法将输出保存到 %1：
%2</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputArea</name>
    <message>
        <source>The output of each process appears here when a run starts.</source>
        <translation>运行开始后，每个进程的输出都会显示在这里。</translation>
    </message>
    <message>
        <source>Select rows to see those processes&apos; output beside Main&apos;s (Ctrl+click: several).</source>
        <translation>选择行即可在主进程旁查看这些进程的输出（Ctrl+单击可多选）。</translation>
    </message>
    <message numerus="yes">
        <source>Show helper processes (%n)</source>
        <extracomment>Python&apos;s multiprocessing starts these for itself (a Manager&apos;s server process).</extracomment>
        <translation>
            <numerusform>显示辅助进程（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Processes Python&apos;s multiprocessing starts for its own work, such as a Manager&apos;s server process: hidden unless you want to see them</source>
        <translation>Python 的 multiprocessing 为自身工作启动的进程（如 Manager 的服务器进程）：默认隐藏，需要时再显示</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputFindBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配项</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputPane</name>
    <message>
        <source>Time since the process was started (live while it runs)</source>
        <translation>自进程启动以来经过的时间（运行期间实时更新）</translation>
    </message>
    <message>
        <source>Show the tools: filter, find, copy, clear, save</source>
        <translation>显示工具：筛选、查找、复制、清空、保存</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>%1 lines received = %2 kept + %3 dropped (a pane keeps the last %4 lines)</source>
        <translation>共收到 %1 行 = 保留 %2 行 + 丢弃 %3 行（每个窗格只保留最后 %4 行）</translation>
    </message>
    <message>
        <source>lines dropped: %1</source>
        <translation>已丢弃 %1 行</translation>
    </message>
    <message>
        <source>Kill…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <source>Kill this worker: ProcessLab kills it on purpose, as if it crashed, to show what the pool does (its task is lost, a new worker takes its place)</source>
        <translation>终止此工作进程：ProcessLab 故意终止它，就像它崩溃了一样，以演示进程池如何处理（它的任务丢失，由新的工作进程接替）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputToolBar</name>
    <message>
        <source>Filter lines</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Show only the lines that contain this text (case-insensitive)</source>
        <translation>只显示包含此文本的行（不区分大小写）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::OutputView</name>
    <message>
        <source>filter “%1”: %2 of %3 lines</source>
        <translation>筛选“%1”：%3 行中的 %2 行</translation>
    </message>
    <message>
        <source>%1 lines received = %2 kept + %3 dropped. This view keeps the last %4 lines; older ones are dropped so a flood cannot slow the app down.</source>
        <translation>共收到 %1 行 = 保留 %2 行 + 丢弃 %3 行。此视图只保留最后 %4 行，更早的行会被丢弃，以免大量输出拖慢程序。</translation>
    </message>
    <message>
        <source>[earlier lines dropped: %1]</source>
        <translation>[已丢弃较早的 %1 行]</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PipeMessagesModel</name>
    <message>
        <source>the other end</source>
        <translation>另一端</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Message in flight</source>
        <translation>传输中的消息</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>发送时间</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PipeView</name>
    <message>
        <source>No pipe in this run. Run the pipe example to see its messages in flight.</source>
        <translation>本次运行中没有管道。运行管道示例即可查看传输中的消息。</translation>
    </message>
    <message>
        <source>%1 = Pipe()</source>
        <translation>%1 = Pipe()</translation>
    </message>
    <message>
        <source>%1 = Pipe(duplex=False)</source>
        <translation>%1 = Pipe(duplex=False)</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未发送任何消息。</translation>
    </message>
    <message>
        <source>the other end</source>
        <translation>另一端</translation>
    </message>
    <message>
        <source>%1 → %2: messages in flight: %3</source>
        <translation>%1 → %2：传输中的消息：%3</translation>
    </message>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>已发送 %1，已接收 %2</translation>
    </message>
    <message>
        <source>%1 closed its end at %2</source>
        <translation>%1 于 %2 关闭了它的一端</translation>
    </message>
    <message>
        <source>%1 got EOFError</source>
        <translation>%1 收到 EOFError</translation>
    </message>
    <message>
        <source>%1 waits in %2() since %3</source>
        <translation>%1 自 %3 起在 %2() 中等待</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PoolObject</name>
    <message>
        <source>ValueError: a task of %1 KiB does not fit the pool&apos;s task queue (at most %2 KiB); use a smaller chunksize</source>
        <translation>ValueError: 一个 %1 KiB 的任务放不进进程池的任务队列（最多 %2 KiB）；请用更小的 chunksize</translation>
    </message>
    <message>
        <source>was killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>multiprocessing.pool.WorkerLostError: task %1 was lost: its process %2 (pid %3) %4</source>
        <translation>multiprocessing.pool.WorkerLostError: 任务 %1 丢失：它的进程 %2（PID %3）%4</translation>
    </message>
    <message>
        <source>task %1 lost: %2 (pid %3) %4</source>
        <translation>任务 %1 丢失：%2（PID %3）%4</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited after %3 tasks; a new process takes its place</source>
        <translation>%1（PID %2）完成 %3 个任务后退出；由新进程接替</translation>
    </message>
    <message>
        <source>%1 (pid %2) %3; a new process takes its place</source>
        <translation>%1（PID %2）%3；由新进程接替</translation>
    </message>
    <message>
        <source>fault injected by ProcessLab, not part of the program: killed %1 (pid %2) while it ran task %3, %4 ms after the pool started</source>
        <translation>ProcessLab 注入的故障，不属于程序本身：进程池启动 %4 毫秒后，杀死了正在执行任务 %3 的 %1（PID %2）</translation>
    </message>
    <message>
        <source>%1 could not start: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 processes in a row ended before taking a task; the pool starts no more: %3</source>
        <translation>%1：连续 %2 个进程在领取任务之前就结束了；进程池不再启动新进程：%3</translation>
    </message>
    <message>
        <source>RuntimeError: the pool has no process to run task %1: %2</source>
        <translation>RuntimeError: 进程池没有可以运行任务 %1 的进程：%2</translation>
    </message>
    <message>
        <source>%1 (pid %2) %3 before it took a task</source>
        <translation>%1（PID %2）在领取任务之前%3</translation>
    </message>
    <message>
        <source>%1; a new process takes its place</source>
        <translation>%1；由新进程接替</translation>
    </message>
    <message>
        <source>the pool was terminated</source>
        <translation>进程池已被终止</translation>
    </message>
    <message>
        <source>the run was stopped</source>
        <translation>运行已被停止</translation>
    </message>
    <message>
        <source>%1: a pool result of %2 MiB that names no task was dropped (at most %3 MiB)</source>
        <translation>%1：丢弃了一个 %2 MiB、未指明任务的进程池结果（最多 %3 MiB）</translation>
    </message>
    <message>
        <source>RuntimeError: the result of task %1 is larger than %2 MiB (%3 MiB): a pool process sends back at most %2 MiB per task</source>
        <translation>RuntimeError: 任务 %1 的结果大于 %2 MiB（%3 MiB）：进程池中的进程每个任务最多传回 %2 MiB</translation>
    </message>
    <message>
        <source>the injected fault did not fire: no task was running after %1 ms</source>
        <translation>注入的故障没有触发：%1 毫秒后没有正在运行的任务</translation>
    </message>
    <message>
        <source>%1 has already ended</source>
        <translation>%1 已经结束</translation>
    </message>
    <message>
        <source>fault injected by the user (Kill this worker), not part of the program: killed %1 (pid %2) while it ran task %3</source>
        <translation>用户注入的故障（终止此工作进程），不属于程序本身：在 %1（PID %2）运行任务 %3 时终止了它</translation>
    </message>
    <message>
        <source>fault injected by the user (Kill this worker), not part of the program: killed %1 (pid %2) while it was idle</source>
        <translation>用户注入的故障（终止此工作进程），不属于程序本身：在 %1（PID %2）空闲时终止了它</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PoolTaskModel</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (PID %2)</source>
        <translation>%1（PID %2）</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>task %1: %2</source>
        <translation>任务 %1：%2</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>入队</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Result or error</source>
        <translation>结果或错误</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PoolView</name>
    <message>
        <source>%1 more tasks, counted: past the first %2 tasks of a pool, tasks are counted, not recorded one by one.</source>
        <translation>另有 %1 个任务只计数：进程池前 %2 个任务之后，任务只计数，不逐个记录。</translation>
    </message>
    <message>
        <source>No process pool in this run.</source>
        <translation>本次运行中没有进程池。</translation>
    </message>
    <message>
        <source>%1 of %2 tasks done</source>
        <translation>已完成 %1/%2 个任务</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>，%1 个失败</translation>
    </message>
    <message>
        <source>, %1 lost</source>
        <translation>，%1 个丢失</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>Queued or running</source>
        <translation>排队中或运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Failed, lost or cancelled</source>
        <translation>失败、丢失或已取消</translation>
    </message>
    <message>
        <source>Lost only</source>
        <translation>仅丢失</translation>
    </message>
    <message>
        <source>Show only the tasks in this state</source>
        <translation>只显示处于此状态的任务</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ProcessListModel</name>
    <message>
        <source>stdout: %1, stderr: %2</source>
        <translation>stdout：%1，stderr：%2</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>CPU time: %1 s, on average %2 of one core
Memory (resident): %3, at most %4</source>
        <translation>CPU 时间：%1 s，平均单核占用 %2
内存（常驻）：%3，峰值 %4</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ProcessState</name>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ProcessStatusText</name>
    <message>
        <source>Main</source>
        <translation>主进程</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Producer %1</source>
        <translation>生产者 %1</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Consumer %1</source>
        <translation>消费者 %1</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送进程</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>进程 %1</translation>
    </message>
</context>
<context>
    <name>ProcessLab::Protocol</name>
    <message>
        <source>the worker was not started by ProcessLab</source>
        <translation>该工作进程不是由 ProcessLab 启动的</translation>
    </message>
    <message>
        <source>the worker does not know the requested behaviour</source>
        <translation>工作进程不支持所请求的行为</translation>
    </message>
    <message>
        <source>the worker could not connect to the host</source>
        <translation>工作进程无法连接到宿主程序</translation>
    </message>
    <message>
        <source>the worker received an invalid frame</source>
        <translation>工作进程收到了无效的数据帧</translation>
    </message>
    <message>
        <source>the control connection closed</source>
        <translation>控制连接已关闭</translation>
    </message>
    <message>
        <source>the worker could not attach a shared object (queue, pipe or shared memory)</source>
        <translation>子进程无法连接共享对象(队列、管道或共享内存)</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PythonInterpreterDialog</name>
    <message>
        <source>&amp;python3 from PATH</source>
        <translation>使用 PATH 中的 python3(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;This interpreter (a venv&apos;s or conda&apos;s python):</source>
        <translation>使用此解释器（venv 或 conda 的 python）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Python Interpreter</source>
        <translation>Python 解释器</translation>
    </message>
    <message>
        <source>/path/to/venv/bin/python</source>
        <translation>/path/to/venv/bin/python</translation>
    </message>
    <message>
        <source>Run with Python and File → Open Python Script… use this interpreter (Python 3.9 or newer). The examples&apos; native runs need no Python.</source>
        <translation>“用 Python 运行”和“文件 → 打开 Python 脚本…”使用此解释器（Python 3.9 或更新版本）。示例的原生运行不需要 Python。</translation>
    </message>
    <message>
        <source>Press Enter to check this interpreter.</source>
        <translation>按回车键检查此解释器。</translation>
    </message>
    <message>
        <source>Choose the interpreter&apos;s executable.</source>
        <translation>请选择解释器的可执行文件。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <source>Choose a Python Interpreter</source>
        <translation>选择 Python 解释器</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PythonInterpreterProbe</name>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 在 %2 秒内没有响应</translation>
    </message>
    <message>
        <source>%1 is not an executable file</source>
        <translation>%1 不是可执行文件</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a working Python interpreter</source>
        <translation>%1 不是可用的 Python 解释器</translation>
    </message>
    <message>
        <source>%1 is not a working Python interpreter: %2</source>
        <translation>%1 不是可用的 Python 解释器：%2</translation>
    </message>
    <message>
        <source>%1 is Python %2.%3; ProcessLab needs Python %4.%5 or newer</source>
        <translation>%1 是 Python %2.%3；ProcessLab 需要 Python %4.%5 或更新版本</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PythonIpcRecorder</name>
    <message>
        <source>more malformed shared-object reports from Python processes were ignored</source>
        <translation>来自 Python 进程的更多格式错误的共享对象报告已被忽略</translation>
    </message>
    <message>
        <source>a Python process sent a malformed shared-object report: %1</source>
        <translation>Python 进程发送了格式错误的共享对象报告：%1</translation>
    </message>
    <message>
        <source>%1: &quot;id&quot; must be a text of 1 to %2 bytes</source>
        <translation>%1：“id”必须是 1 到 %2 字节的文本</translation>
    </message>
    <message>
        <source>%1: &quot;op&quot; must be a short text</source>
        <translation>%1：“op”必须是简短的文本</translation>
    </message>
    <message>
        <source>%1: unknown op &quot;%2&quot;</source>
        <translation>%1：未知操作“%2”</translation>
    </message>
    <message>
        <source>%1: &quot;text&quot; must be a text</source>
        <translation>%1：“text”必须是文本</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: &quot;array&quot; must be true or false</source>
        <translation>%1：“array”必须是 true 或 false</translation>
    </message>
    <message>
        <source>%1: a new object needs a &quot;name&quot; text</source>
        <translation>%1：新对象需要文本“name”</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; needs the pipe&apos;s &quot;end&quot; (0 or 1)</source>
        <translation>%1：“%2”需要管道的“end”（0 或 1）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; needs a &quot;text&quot;</source>
        <translation>%1：“%2”需要“text”</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; needs the task&apos;s &quot;job&quot;</source>
        <translation>%1：“%2”需要任务的“job”</translation>
    </message>
    <message>
        <source>%1: &quot;map&quot; needs a &quot;chunksize&quot;</source>
        <translation>%1：“map”需要“chunksize”</translation>
    </message>
    <message>
        <source>%1: a map of more than %2 chunks</source>
        <translation>%1：map 超过 %2 个分块</translation>
    </message>
    <message>
        <source>%1: object %2 was announced twice</source>
        <translation>%1：对象 %2 被声明了两次</translation>
    </message>
    <message>
        <source>object %1 is a %2, not a %3</source>
        <translation>对象 %1 是 %2，不是 %3</translation>
    </message>
    <message>
        <source>more than %1 shared objects in one run; the others are not recorded</source>
        <translation>一次运行中超过 %1 个共享对象；其余的不再记录</translation>
    </message>
    <message>
        <source>%1: after %2 operations only counters are recorded</source>
        <translation>%1：%2 次操作之后只记录计数</translation>
    </message>
    <message>
        <source>counters need a map &quot;c&quot;</source>
        <translation>计数需要映射“c”</translation>
    </message>
    <message>
        <source>counter &quot;%1&quot; is unknown or out of range</source>
        <translation>计数“%1”未知或超出范围</translation>
    </message>
    <message>
        <source>counters: &quot;value&quot; must be an integer</source>
        <translation>计数：“value”必须是整数</translation>
    </message>
    <message>
        <source>the run was stopped</source>
        <translation>运行已被停止</translation>
    </message>
    <message>
        <source>task %1 lost: %2 (pid %3) ended before it finished</source>
        <translation>任务 %1 丢失：%2（pid %3）在任务完成前结束</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PythonRun</name>
    <message>
        <source>no Python interpreter found: install Python 3.9 or newer (Debian/Ubuntu: sudo apt install python3; Windows and macOS: python.org) or choose one in Settings</source>
        <translation>未找到 Python 解释器：请安装 Python 3.9 或更新版本（Debian/Ubuntu：sudo apt install python3；Windows 和 macOS：python.org），或在“设置”中选择一个解释器</translation>
    </message>
    <message>
        <source>cannot create a temporary directory for the Python bootstrap: %1</source>
        <translation>无法为 Python 引导程序创建临时目录：%1</translation>
    </message>
    <message>
        <source>cannot write the Python bootstrap to %1</source>
        <translation>无法把 Python 引导程序写入 %1</translation>
    </message>
    <message>
        <source>the Python bootstrap is missing from this build</source>
        <translation>此版本缺少 Python 引导程序</translation>
    </message>
    <message>
        <source>more than %1 Python processes: the run was stopped</source>
        <translation>Python 进程超过 %1 个：运行已停止</translation>
    </message>
    <message>
        <source>stopped by the user (%1)</source>
        <translation>被用户停止（%1）</translation>
    </message>
    <message>
        <source>crashed (signal %1, %2)</source>
        <translation>崩溃（信号 %1，%2）</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>退出，退出码 %1</translation>
    </message>
    <message>
        <source>unexpected frame from a Python process: %1</source>
        <translation>Python 进程发来意外的帧：%1</translation>
    </message>
    <message>
        <source>malformed %1 notification</source>
        <translation>格式错误的 %1 通知</translation>
    </message>
    <message>
        <source>a Python process sent %1 before saying who it is</source>
        <translation>Python 进程在说明身份之前发送了 %1</translation>
    </message>
    <message>
        <source>a Python process said who it is twice</source>
        <translation>Python 进程两次说明身份</translation>
    </message>
    <message>
        <source>pid %1 claims to be the main interpreter</source>
        <translation>pid %1 自称是主解释器</translation>
    </message>
    <message>
        <source>a second connection from pid %1</source>
        <translation>来自 pid %1 的第二个连接</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>too many Python processes</source>
        <translation>Python 进程太多</translation>
    </message>
    <message>
        <source>a Python process (pid %1) connected and left without saying who it is</source>
        <translation>一个 Python 进程（pid %1）连接后没有说明身份就离开了</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>被用户停止</translation>
    </message>
    <message>
        <source>ended without reporting an exit status</source>
        <translation>结束时没有报告退出状态</translation>
    </message>
    <message>
        <source>could not start the Python interpreter %1: %2</source>
        <translation>无法启动 Python 解释器 %1：%2</translation>
    </message>
    <message>
        <source>the main interpreter exited, its connection stayed open</source>
        <translation>主解释器已退出，但它的连接仍然打开</translation>
    </message>
    <message>
        <source>never connected to the host</source>
        <translation>从未连接到主机</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>The end of a list of process names: &quot;Process-1, Process-2, Process-3 and 5 more&quot;.</extracomment>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed</source>
        <extracomment>Python processes that failed, e.g. &quot;Process-1 failed&quot;.</extracomment>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ProcessLab::PythonSession</name>
    <message>
        <source>Checking the Python interpreter…</source>
        <translation>正在检查 Python 解释器…</translation>
    </message>
    <message>
        <source>Python runs are off: %1. The examples still run with ProcessLab&apos;s own workers.</source>
        <translation>无法运行 Python：%1。示例仍可用 ProcessLab 自己的工作进程运行。</translation>
    </message>
    <message>
        <source>Python runs are off: %1. Install Python %2.%3 or newer (Debian/Ubuntu: sudo apt install python3; Windows and macOS: python.org) or choose an interpreter in Settings → Python Interpreter…. The examples still run with ProcessLab&apos;s own workers.</source>
        <translation>无法运行 Python：%1。请安装 Python %2.%3 或更新版本（Debian/Ubuntu：sudo apt install python3；Windows 和 macOS：python.org），或在“设置 → Python 解释器…”中选择解释器。示例仍可用 ProcessLab 自己的工作进程运行。</translation>
    </message>
    <message>
        <source>Python %1.%2 (%3)</source>
        <translation>Python %1.%2（%3）</translation>
    </message>
    <message>
        <source>cannot create a temporary directory for the program: %1</source>
        <translation>无法为程序创建临时目录：%1</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>the working directory %1 does not exist</source>
        <translation>工作目录 %1 不存在</translation>
    </message>
    <message>
        <source>the arguments have an unclosed quote (&quot;)</source>
        <translation>参数中有未闭合的引号（&quot;）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::QueueDepthLane</name>
    <message>
        <source>%1: depth</source>
        <translation>%1：深度</translation>
    </message>
    <message>
        <source>sampled from here</source>
        <translation>此后为采样值</translation>
    </message>
    <message>
        <source>max %1 · now %2</source>
        <translation>最大 %1 · 当前 %2</translation>
    </message>
</context>
<context>
    <name>ProcessLab::QueueItemsModel</name>
    <message>
        <source>%1 (end mark)</source>
        <translation>%1（结束标记）</translation>
    </message>
    <message>
        <source>%1 → in the queue</source>
        <translation>%1 → 队列中</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>None tells a consumer that no more items come: it stops when it gets it.</source>
        <translation>None 告诉消费者不会再有数据：消费者取到它就停止。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Put at</source>
        <translation>放入时间</translation>
    </message>
    <message>
        <source>Got at</source>
        <translation>取出时间</translation>
    </message>
</context>
<context>
    <name>ProcessLab::QueueView</name>
    <message>
        <source>No queue in this run. Run the queue example to see its items move.</source>
        <translation>本次运行中没有队列。运行队列示例即可查看数据项的流动。</translation>
    </message>
    <message>
        <source>Hover an item to see its path from producer to consumer.</source>
        <translation>将鼠标悬停在数据项上，即可查看它从生产者到消费者的路径。</translation>
    </message>
    <message>
        <source> (%1 ms in the queue)</source>
        <translation>（在队列中 %1 ms）</translation>
    </message>
    <message>
        <source>Item #%1 %2: %3 → queue → %4%5</source>
        <translation>数据项 #%1 %2：%3 → 队列 → %4%5</translation>
    </message>
    <message>
        <source>Item #%1 %2: %3 → queue → (waits for a consumer)</source>
        <translation>数据项 #%1 %2：%3 → 队列 →（等待消费者）</translation>
    </message>
    <message>
        <source>&lt;i&gt;waits: queue full&lt;/i&gt;</source>
        <translation>&lt;i&gt;等待：队列已满&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;waits in %1()&lt;/i&gt;</source>
        <translation>&lt;i&gt;在 %1() 中等待&lt;/i&gt;</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Put by: %1 &amp;nbsp;&amp;nbsp;→ queue →&amp;nbsp;&amp;nbsp; Got by: %2</source>
        <translation>放入者：%1 &amp;nbsp;&amp;nbsp;→ 队列 →&amp;nbsp;&amp;nbsp; 取出者：%2</translation>
    </message>
    <message>
        <source>%1 = Queue(maxsize=%2)</source>
        <translation>%1 = Queue(maxsize=%2)</translation>
    </message>
    <message>
        <source>%1 = Queue()</source>
        <translation>%1 = Queue()</translation>
    </message>
    <message>
        <source>%1 items in the queue (sampled), %2 operations</source>
        <translation>队列中有 %1 项（采样值），%2 次操作</translation>
    </message>
    <message>
        <source>items in the queue: %1</source>
        <translation>队列中的数据项：%1</translation>
    </message>
    <message>
        <source>%1 put, %2 got</source>
        <translation>放入 %1，取出 %2</translation>
    </message>
    <message>
        <source>The first %1 items in the queue are listed; %2 more are in it.</source>
        <translation>只列出队列中的前 %1 项；队列中还有 %2 项。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::Reader</name>
    <message>
        <source>the file ends early, at line %1: it is truncated (cut off while it was written or copied?)</source>
        <translation>文件在第 %1 行提前结束：文件不完整（是否在写入或复制时被截断？）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>not a ProcessLab run record: it does not begin with a JSON object</source>
        <translation>不是 ProcessLab 运行记录：它不是以 JSON 对象开头的</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: expected a key</source>
        <translation>第 %1 行不是有效的 JSON：此处应为键</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: expected &apos;:&apos; after &quot;%2&quot;</source>
        <translation>第 %1 行不是有效的 JSON：“%2”之后应为 &apos;:&apos;</translation>
    </message>
    <message>
        <source>not a valid run record: &quot;%1&quot; appears twice (line %2)</source>
        <translation>不是有效的运行记录：“%1”出现了两次（第 %2 行）</translation>
    </message>
    <message>
        <source>not a ProcessLab run record: too many top-level fields</source>
        <translation>不是 ProcessLab 运行记录：顶层字段过多</translation>
    </message>
    <message>
        <source>not valid JSON at line %1</source>
        <translation>第 %1 行不是有效的 JSON</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>第 %1 行不是有效的 JSON：此处应为 &apos;,&apos; 或 &apos;}&apos;</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: more data after the record&apos;s end</source>
        <translation>第 %1 行不是有效的 JSON：记录结束后还有多余的数据</translation>
    </message>
    <message>
        <source>not a valid run record: the field &quot;%1&quot; is missing</source>
        <translation>不是有效的运行记录：缺少字段“%1”</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; (line %2): too large (%3 bytes; at most %4)</source>
        <translation>字段“%1”（第 %2 行）：过大（%3 字节；最多 %4 字节）</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; (line %2): not valid JSON</source>
        <translation>字段“%1”（第 %2 行）：不是有效的 JSON</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; (line %2): %3</source>
        <translation>字段“%1”（第 %2 行）：%3</translation>
    </message>
    <message>
        <source>not a ProcessLab run record: it has no &quot;schema&quot; field</source>
        <translation>不是 ProcessLab 运行记录：没有“schema”字段</translation>
    </message>
    <message>
        <source>not a ProcessLab run record: &quot;schema&quot; is %1, expected &quot;%2&quot;</source>
        <translation>不是 ProcessLab 运行记录：“schema”为 %1，应为“%2”</translation>
    </message>
    <message>
        <source>must be a whole number from 1</source>
        <translation>必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>made by a newer ProcessLab: schema %1; this version reads up to %2</source>
        <translation>由更新版本的 ProcessLab 生成：格式版本 %1；此版本最高只能读取版本 %2</translation>
    </message>
    <message>
        <source>must be an example id (a string)</source>
        <translation>必须是示例 ID（字符串）</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>too many knobs (%1; at most %2)</source>
        <translation>参数过多（%1 个；最多 %2 个）</translation>
    </message>
    <message>
        <source>knob &quot;%1&quot; must be a number, a string or true/false</source>
        <translation>参数“%1”必须是数字、字符串或 true/false</translation>
    </message>
    <message>
        <source>must be a date and time (ISO 8601)</source>
        <translation>必须是日期时间（ISO 8601）</translation>
    </message>
    <message>
        <source>unknown clock (expected &quot;monotonic-ns&quot;)</source>
        <translation>未知的时钟（应为“monotonic-ns”）</translation>
    </message>
    <message>
        <source>must be a whole number of nanoseconds, 0 or more</source>
        <translation>必须是大于等于 0 的整数纳秒数</translation>
    </message>
    <message>
        <source>not a valid run record: the field &quot;events&quot; is missing</source>
        <translation>不是有效的运行记录：缺少字段“events”</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>%1; the last whole event is event %2</source>
        <translation>%1；最后一个完整的事件是事件 %2</translation>
    </message>
    <message>
        <source>event %1 (line %2): not valid JSON</source>
        <translation>事件 %1（第 %2 行）：不是有效的 JSON</translation>
    </message>
    <message>
        <source>more than %1 events: more than a run records</source>
        <translation>事件超过 %1 个：超出了一次运行所能记录的数量</translation>
    </message>
    <message>
        <source>event %1 (line %2): too large (%3 bytes; at most %4)</source>
        <translation>事件 %1（第 %2 行）：过大（%3 字节；最多 %4 字节）</translation>
    </message>
    <message>
        <source>event %1 (line %2): not valid JSON: %3</source>
        <translation>事件 %1（第 %2 行）：不是有效的 JSON：%3</translation>
    </message>
    <message>
        <source>event %1 (line %2): must be a JSON object</source>
        <translation>事件 %1（第 %2 行）：必须是 JSON 对象</translation>
    </message>
    <message>
        <source>event 0 (line %1), field &quot;t&quot;: must be 0 (the first event is the run&apos;s start)</source>
        <translation>事件 0（第 %1 行），字段“t”：必须为 0（第一个事件是运行的开始）</translation>
    </message>
    <message>
        <source>not valid JSON at line %1: expected &apos;,&apos; or &apos;]&apos; after event %2</source>
        <translation>第 %1 行不是有效的 JSON：事件 %2 之后应为 &apos;,&apos; 或 &apos;]&apos;</translation>
    </message>
    <message>
        <source>event %1 (line %2), field &quot;process&quot;: process %3 is created twice</source>
        <translation>事件 %1（第 %2 行），字段“process”：进程 %3 被创建了两次</translation>
    </message>
    <message>
        <source>event %1 (line %2), field &quot;process&quot;: no process %3 was created before it</source>
        <translation>事件 %1（第 %2 行），字段“process”：在此之前没有创建进程 %3</translation>
    </message>
    <message>
        <source>event %1 (line %2): more &quot;%3&quot; events than a run keeps (%4)</source>
        <translation>事件 %1（第 %2 行）：“%3”事件多于一次运行所保留的数量（%4）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ReplayBar</name>
    <message>
        <source>Previous Event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Step back one event</source>
        <translation>后退一个事件</translation>
    </message>
    <message>
        <source>Next Event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>Step forward one event</source>
        <translation>前进一个事件</translation>
    </message>
    <message>
        <source>Leave Replay</source>
        <translation>退出回放</translation>
    </message>
    <message>
        <source>Stop replaying; Run starts a live run again</source>
        <translation>停止回放；之后“运行”会重新开始实时运行</translation>
    </message>
    <message>
        <source>Replay position (click or drag on the timeline&apos;s time axis too)</source>
        <translation>回放位置（也可以在时间线的时间轴上点击或拖动）</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>Replay of %1 — recorded %2</source>
        <extracomment>%1 the file name, %2 the date and time the run was recorded</extracomment>
        <translation>回放 %1 —— 记录于 %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Pause the replay</source>
        <translation>暂停回放</translation>
    </message>
    <message>
        <source>Play the replay</source>
        <translation>开始回放</translation>
    </message>
    <message>
        <source>%1 / %2 · event %3 of %4</source>
        <extracomment>replay position: time / duration · events shown / all events</extracomment>
        <translation>%1 / %2 · 事件 %3/%4</translation>
    </message>
</context>
<context>
    <name>ProcessLab::Run</name>
    <message>
        <source>no worker %1 in this run (pid %2)</source>
        <translation>本次运行中没有工作进程 %1（PID %2）</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>SyntaxError: jump to step %1 of %2</source>
        <translation>SyntaxError:跳转到第 %1 步(共 %2 步)</translation>
    </message>
    <message>
        <source>%1 raised at line %2</source>
        <translation>第 %2 行引发了 %1</translation>
    </message>
    <message>
        <source>%1 raised</source>
        <translation>引发了 %1</translation>
    </message>
    <message>
        <source>notification for an unknown object: %1</source>
        <translation>发给未知对象的通知:%1</translation>
    </message>
    <message>
        <source>the run is not running</source>
        <translation>运行未在进行</translation>
    </message>
    <message>
        <source>process %1 is not a worker of a process pool</source>
        <translation>进程 %1 不是进程池的工作进程</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunCompareDialog</name>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Spawn → ready</source>
        <translation>启动→就绪</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出状态</translation>
    </message>
    <message>
        <source>Compare runs #%1 and #%2</source>
        <translation>比较第 %1 次和第 %2 次运行</translation>
    </message>
    <message>
        <source>Run #%1 took %2× the wall time of run #%3.</source>
        <translation>第 %1 次运行的总耗时是第 %3 次运行的 %2 倍。</translation>
    </message>
    <message>
        <source>Run #%1 · %2 · %3</source>
        <translation>第 %1 次运行 · %2 · %3</translation>
    </message>
    <message>
        <source>Settings: %1
Wall time: %2 · Result: %3 · Exit code: %4</source>
        <translation>设置：%1
总耗时：%2 · 结果：%3 · 退出码：%4</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>输出行数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A shared object in the compare dialog: its name in the program and its kind (&quot;queue (queue)&quot;).</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Pool %1 (tasks queued + done)</source>
        <translation>进程池 %1（已排队 + 已完成的任务）</translation>
    </message>
    <message>
        <source>Shared object</source>
        <translation>共享对象</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作次数</translation>
    </message>
    <message>
        <source>Python&apos;s start-up: %1 per process (spawn → ready %2 with Python, %3 with ProcessLab&apos;s workers).</source>
        <translation>Python 的启动开销：每个进程 %1（启动→就绪：Python %2，ProcessLab 工作进程 %3）。</translation>
    </message>
    <message>
        <source>Processes: %1 in run #%2, %3 in run #%4.</source>
        <translation>进程数：第 %2 次运行 %1 个，第 %4 次运行 %3 个。</translation>
    </message>
    <message>
        <source>Same output: %1 lines in each run.</source>
        <translation>输出相同：每次运行 %1 行。</translation>
    </message>
    <message>
        <source>Output: %1 lines in run #%2, %3 in run #%4.</source>
        <translation>输出：第 %2 次运行 %1 行，第 %4 次运行 %3 行。</translation>
    </message>
    <message>
        <source>Same exit code: %1.</source>
        <translation>退出码相同：%1。</translation>
    </message>
    <message>
        <source>Same exit codes: %1 (processes: %2).</source>
        <translation>退出码相同：%1（各进程：%2）。</translation>
    </message>
    <message>
        <source>Exit codes differ: %1 (processes: %2) in run #%3, %4 (processes: %5) in run #%6.</source>
        <translation>退出码不同：第 %3 次运行 %1（各进程：%2），第 %6 次运行 %4（各进程：%5）。</translation>
    </message>
    <message>
        <source>Same operations on shared objects: %1 in each run.</source>
        <translation>共享对象上的操作相同：每次运行 %1 次。</translation>
    </message>
    <message>
        <source>Operations on shared objects: %1 in run #%2, %3 in run #%4.</source>
        <translation>共享对象上的操作：第 %2 次运行 %1 次，第 %4 次运行 %3 次。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunController</name>
    <message>
        <source>the run has ended</source>
        <translation>运行已结束</translation>
    </message>
    <message>
        <source>a Python run&apos;s pool workers are ended by Stop, not one by one</source>
        <translation>Python 运行中的进程池工作进程只能通过“停止”一起结束，不能单独结束</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunHistoryModel</name>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>总耗时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>arguments: %1</source>
        <translation>脚本参数：%1</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>ProcessLab</source>
        <translation>ProcessLab</translation>
    </message>
    <message>
        <source>Real Python: the interpreter ran the program</source>
        <translation>真实 Python：由解释器运行程序</translation>
    </message>
    <message>
        <source>ProcessLab&apos;s native workers played the program</source>
        <translation>由 ProcessLab 的原生工作进程演示程序</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>运行方式</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunHistoryView</name>
    <message>
        <source>Compare side by side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Select two runs (e.g. 1 worker and 4 workers, or ProcessLab and Python) to compare them.</source>
        <translation>选择两次运行（例如 1 个进程和 4 个进程，或 ProcessLab 与 Python）进行比较。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunRecordReader</name>
    <message>
        <source>the file is too large (%1 bytes; a run record is at most %2)</source>
        <translation>文件过大（%1 字节；运行记录最多 %2 字节）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>这是一个目录</translation>
    </message>
</context>
<context>
    <name>ProcessLab::RunServer</name>
    <message>
        <source>cannot listen on a local socket: %1</source>
        <translation>无法在本地套接字上监听：%1</translation>
    </message>
    <message>
        <source>no hello within %1 ms</source>
        <translation>%1 ms 内未收到 hello 帧</translation>
    </message>
    <message>
        <source>connection closed before the hello frame</source>
        <translation>收到 hello 帧之前连接已关闭</translation>
    </message>
    <message>
        <source>bad first frame: %1</source>
        <translation>首帧无效：%1</translation>
    </message>
    <message>
        <source>bad hello: %1</source>
        <translation>hello 帧无效：%1</translation>
    </message>
    <message>
        <source>wrong run token (worker %1, pid %2)</source>
        <translation>运行令牌错误（工作进程 %1，PID %2）</translation>
    </message>
    <message>
        <source>the run ended before the connection sent its hello</source>
        <translation>运行结束时该连接尚未发送 hello</translation>
    </message>
    <message>
        <source>too many connections without a hello: closed the oldest</source>
        <translation>未发送 hello 的连接过多：已关闭最早的一个</translation>
    </message>
    <message>
        <source>the hello names pid %1, but the connection comes from pid %2</source>
        <translation>hello 中的进程 PID 为 %1，但连接来自进程 %2</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ScriptArgumentsDialog</name>
    <message>
        <source>Run %1 with Python</source>
        <translation>用 Python 运行 %1</translation>
    </message>
    <message>
        <source>e.g. --workers 4 &quot;a file.txt&quot;</source>
        <translation>例如 --workers 4 &quot;a file.txt&quot;</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Script:</source>
        <translation>脚本：</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>参数(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <source>Working Directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>The working directory does not exist.</source>
        <translation>工作目录不存在。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::SharedCellsModel</name>
    <message>
        <source>%1.value</source>
        <translation>%1.value</translation>
    </message>
    <message>
        <source>%1 writes, counted (not reported one by one)</source>
        <translation>%1 次写入（只计数）</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Last writer</source>
        <translation>最后写入者</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>写入时间</translation>
    </message>
</context>
<context>
    <name>ProcessLab::SharedView</name>
    <message>
        <source>No Value or Array in this run. Run the shared-memory example to see its cells.</source>
        <translation>本次运行中没有 Value 或 Array。运行共享内存示例即可查看其中的单元。</translation>
    </message>
    <message>
        <source>lock held by %1</source>
        <translation>锁由 %1 持有</translation>
    </message>
    <message>
        <source>lock taken %1 times (sampled: the holder is no longer reported)</source>
        <translation>锁已被获取 %1 次（采样：不再报告持有者）</translation>
    </message>
    <message>
        <source>lock free</source>
        <translation>锁空闲</translation>
    </message>
    <message>
        <source>no lock taken</source>
        <translation>未获取过锁</translation>
    </message>
    <message>
        <source>waiting for it: %1</source>
        <translation>等待锁的进程：%1</translation>
    </message>
    <message>
        <source>%1 writes</source>
        <translation>%1 次写入</translation>
    </message>
    <message>
        <source>Lost updates in %1: %2 of %3 writes (writes − value)</source>
        <translation>%1 中丢失的更新：%3 次写入中丢失 %2 次（写入次数 − 值）</translation>
    </message>
    <message>
        <source>Last writer: %1</source>
        <translation>最后写入者：%1</translation>
    </message>
    <message>
        <source>lock taken at least %1 times (no longer counted past the observation budget, nor its holder)</source>
        <translation>锁至少被获取了 %1 次（超过观察预算后不再计数，也不再报告持有者）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::ShortcutsDialog</name>
    <message>
        <source>Output panes and console</source>
        <translation>输出窗格和控制台</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelineAxis</name>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelineImage</name>
    <message>
        <source>ProcessLab timeline</source>
        <translation>ProcessLab 时间线</translation>
    </message>
    <message>
        <source>the PNG could not be encoded</source>
        <translation>无法编码 PNG 图像</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelineLegend</name>
    <message>
        <source>printed line</source>
        <translation>输出行</translation>
    </message>
    <message>
        <source>stderr line</source>
        <translation>stderr 行</translation>
    </message>
    <message>
        <source>Ctrl+wheel: zoom · drag: pan · double-click: fit · click a tick: show the line</source>
        <translation>Ctrl+滚轮：缩放 · 拖动：平移 · 双击：适应窗口 · 点击刻度线：显示该行</translation>
    </message>
    <message>
        <source>task done</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <source>task raised</source>
        <translation>任务出错</translation>
    </message>
    <message>
        <source>task lost</source>
        <translation>任务丢失</translation>
    </message>
    <message>
        <source>task running</source>
        <translation>任务运行中</translation>
    </message>
    <message>
        <source>waiting (blocked)</source>
        <translation>等待中（阻塞）</translation>
    </message>
    <message>
        <source>CPU use</source>
        <translation>CPU 占用</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelinePainter</name>
    <message>
        <source>The Process object exists; start() has not been called yet.</source>
        <translation>Process 对象已创建，但尚未调用 start()。</translation>
    </message>
    <message>
        <source>The operating system is creating the process; it has not connected back yet.</source>
        <translation>操作系统正在创建该进程，进程尚未回连。</translation>
    </message>
    <message>
        <source>The process is up and connected, waiting to be told what to run.</source>
        <translation>进程已启动并连接，正在等待执行指令。</translation>
    </message>
    <message>
        <source>The process is running its code.</source>
        <translation>进程正在执行它的代码。</translation>
    </message>
    <message>
        <source>The process exited.</source>
        <translation>进程已退出。</translation>
    </message>
    <message>
        <source>The process crashed or could not start.</source>
        <translation>进程崩溃或无法启动。</translation>
    </message>
    <message>
        <source>The process was stopped.</source>
        <translation>进程已被停止。</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>paused before line %1</source>
        <translation>在第 %1 行之前暂停</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>tasks after the first %1 are counted, not drawn: %2 of %3 done</source>
        <translation>前 %1 个之后的任务只计数，不绘制：已完成 %2/%3</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelineToolTips</name>
    <message>
        <source>Created at %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>%1 printed:</source>
        <translation>%1 输出：</translation>
    </message>
    <message>
        <source>%1 wrote to stderr:</source>
        <translation>%1 写入 stderr：</translation>
    </message>
    <message>
        <source>%1 runs line %2:</source>
        <translation>%1 执行第 %2 行：</translation>
    </message>
    <message>
        <source>%1 runs:</source>
        <translation>%1 执行：</translation>
    </message>
    <message>
        <source>%1 reached line %2:</source>
        <translation>%1 执行到第 %2 行：</translation>
    </message>
    <message>
        <source>%1 reported:</source>
        <translation>%1 报告：</translation>
    </message>
    <message>
        <source>%1 reported an error:</source>
        <translation>%1 报告错误：</translation>
    </message>
    <message>
        <source>Output lines over the record&apos;s limit, not kept: %1</source>
        <translation>超出记录上限而未保留的输出行：%1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>+%1 more at this pixel; Ctrl+wheel zooms in.</source>
        <translation>此处还有 %1 个标记；按住 Ctrl 滚动滚轮可放大查看。</translation>
    </message>
    <message>
        <source>Click to show it in the process&apos;s output.</source>
        <translation>点击在该进程的输出中显示此行。</translation>
    </message>
    <message>
        <source>(PID %1)</source>
        <translation>(PID %1)</translation>
    </message>
    <message>
        <source>since %1 (%2 so far)</source>
        <translation>从 %1 开始（已持续 %2）</translation>
    </message>
    <message>
        <source>from %1 to %2 (%3)</source>
        <translation>从 %1 到 %2（共 %3）</translation>
    </message>
    <message>
        <source>At line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Doing: %1</source>
        <translation>正在执行：%1</translation>
    </message>
    <message>
        <source>%1 was stopped at %2</source>
        <translation>%1 于 %2 被停止</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Start to ready: %1 ms</source>
        <translation>启动→就绪：%1 ms</translation>
    </message>
    <message>
        <source>Ran for: %1 ms</source>
        <translation>运行时长：%1 ms</translation>
    </message>
    <message>
        <source>Output lines: %1 on stdout, %2 on stderr</source>
        <translation>输出行数：stdout %1 行，stderr %2 行</translation>
    </message>
    <message>
        <source>Lines not kept (over the limit): %1</source>
        <translation>未保留的行（超出上限）：%1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>%1 finished at %2</source>
        <translation>%1 于 %2 结束</translation>
    </message>
    <message>
        <source>%1 finished at %2 (%3)</source>
        <translation>%1 于 %2 结束（%3）</translation>
    </message>
    <message>
        <source>%1 failed at %2</source>
        <translation>%1 于 %2 失败</translation>
    </message>
    <message>
        <source>%1 failed at %2 (%3)</source>
        <translation>%1 于 %2 失败（%3）</translation>
    </message>
    <message>
        <source>%1 was stopped at %2 (%3)</source>
        <translation>%1 于 %2 被停止（%3）</translation>
    </message>
    <message>
        <source>%1 at line %2:</source>
        <translation>%1 在第 %2 行：</translation>
    </message>
    <message>
        <source>Step mode: the program waits for you to run the next statement.</source>
        <translation>单步模式：程序在等你执行下一条语句。</translation>
    </message>
    <message>
        <source>ProcessLab (the host) between statements: %1 ms</source>
        <translation>ProcessLab（宿主程序）在两条语句之间：%1 毫秒</translation>
    </message>
    <message>
        <source>No statement of the program runs here: this is the app&apos;s own time.</source>
        <translation>此时程序没有在执行任何语句：这是应用自身的时间。</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>%1 (PID %2)</source>
        <translation>%1（PID %2）</translation>
    </message>
    <message>
        <source>A chunk of %1 items</source>
        <translation>一个包含 %1 项的分块</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>丢失：%1</translation>
    </message>
    <message>
        <source>Not finished: its process ended first (stopped or terminated).</source>
        <translation>未完成：其进程先结束了（被停止或终止）。</translation>
    </message>
    <message>
        <source>A pool records each of its first %1 tasks; after that only how many are done.</source>
        <translation>进程池逐个记录前 %1 个任务，之后只记录完成数量。</translation>
    </message>
    <message>
        <source>%1 killed on purpose by ProcessLab:</source>
        <translation>%1 被 ProcessLab 故意终止：</translation>
    </message>
    <message>
        <source>SIGKILL to PID %1 while it ran task %2 (fault injection knob)</source>
        <translation>在运行任务 %2 时向 PID %1 发送 SIGKILL（故障注入选项）</translation>
    </message>
    <message>
        <source>It shows what a pool does when a worker dies: not a bug in the program.</source>
        <translation>用来演示工作进程死亡时进程池如何处理：这不是程序的错误。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TimelineWidget</name>
    <message>
        <source>Run an example to see its processes on a timeline.</source>
        <translation>运行一个示例，即可在时间线上查看它的各个进程。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TopologyView</name>
    <message>
        <source>Queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>Pipe %1</source>
        <translation>管道 %1</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>Value %1</translation>
    </message>
    <message>
        <source>Array %1</source>
        <translation>Array %1</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>锁 %1</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>进程池</translation>
    </message>
    <message>
        <source>%1 waits in %2() on %3</source>
        <translation>%1 在 %3 的 %2() 中等待</translation>
    </message>
    <message>
        <source>%1 waits in %2() on %3 for %4</source>
        <translation>%1 在 %3 的 %2() 中等待 %4</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 (PID %2): %3</source>
        <translation>%1（PID %2）：%3</translation>
    </message>
    <message>
        <source>Click to show its output pane.</source>
        <translation>点击显示它的输出窗格。</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 次操作</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>Held by %1</source>
        <translation>持有者：%1</translation>
    </message>
    <message>
        <source>Run an example: its processes and the queues, pipes, shared memory and pools between them appear here.</source>
        <translation>运行一个示例：它的各个进程以及进程之间的队列、管道、共享内存和进程池会显示在这里。</translation>
    </message>
    <message>
        <source>PID %1 · %2</source>
        <translation>PID %1 · %2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Lock holder no longer reported (sampled)</source>
        <translation>锁的持有者不再逐条报告（已采样）</translation>
    </message>
    <message>
        <source>%1 waits in join() for %2 (line %3)</source>
        <extracomment>%1 is the main program (主进程), %2 the process it joins (&quot;Consumer&quot;), %3 the line of the listing.</extracomment>
        <translation>%1 在 join() 中等待%2（第 %3 行）</translation>
    </message>
</context>
<context>
    <name>ProcessLab::TutorialViewer</name>
    <message>
        <source>The tutorial text is missing from this build.</source>
        <translation>此版本缺少教程原文。</translation>
    </message>
    <message>
        <source>Original Tutorial Text</source>
        <translation>教程原文</translation>
    </message>
    <message>
        <source>The original tutorial text (Chinese), as the examples were taken from it. This copy lost the indentation of its code; the listings in the code view are indented correctly.</source>
        <translation>教程原文（中文），示例即取自此文。此副本中的代码丢失了缩进；代码视图中的程序清单缩进正确。</translation>
    </message>
</context>
<context>
    <name>ProcessLab::Walkthrough</name>
    <message>
        <source>%1 prints “%2”</source>
        <translation>%1 打印“%2”</translation>
    </message>
    <message>
        <source>%1 printed “%2”</source>
        <translation>%1 打印“%2”</translation>
    </message>
    <message>
        <source>a “%1” on %2 happens</source>
        <translation>%2 上发生一次 %1 操作</translation>
    </message>
    <message>
        <source>a “%1” on %2 happened</source>
        <translation>%2 上发生一次 %1 操作</translation>
    </message>
    <message>
        <source>%1 does “%2” on %3</source>
        <translation>%1 对 %3 执行 %2</translation>
    </message>
    <message>
        <source>%1 did “%2” on %3</source>
        <translation>%1 对 %3 执行 %2</translation>
    </message>
    <message>
        <source>%1 ends</source>
        <translation>%1 结束</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 结束</translation>
    </message>
    <message>
        <source>the run is over</source>
        <translation>运行结束</translation>
    </message>
    <message>
        <source>the run was over</source>
        <translation>运行结束</translation>
    </message>
    <message>
        <source>Main begins the statement on line %1</source>
        <translation>主进程开始执行第 %1 行的语句</translation>
    </message>
    <message>
        <source>Main began the statement on line %1</source>
        <translation>主进程开始执行第 %1 行的语句</translation>
    </message>
    <message>
        <source>pool task %1 starts</source>
        <translation>进程池任务 %1 开始</translation>
    </message>
    <message>
        <source>pool task %1 started</source>
        <translation>进程池任务 %1 开始</translation>
    </message>
    <message>
        <source>pool task %1 finishes</source>
        <translation>进程池任务 %1 完成</translation>
    </message>
    <message>
        <source>pool task %1 finished</source>
        <translation>进程池任务 %1 完成</translation>
    </message>
    <message>
        <source>pool task %1 fails</source>
        <translation>进程池任务 %1 失败</translation>
    </message>
    <message>
        <source>pool task %1 failed</source>
        <translation>进程池任务 %1 失败</translation>
    </message>
    <message>
        <source>pool task %1 is lost</source>
        <translation>进程池任务 %1 丢失</translation>
    </message>
    <message>
        <source>pool task %1 was lost</source>
        <translation>进程池任务 %1 丢失</translation>
    </message>
    <message>
        <source>a pool task starts</source>
        <translation>某个进程池任务开始</translation>
    </message>
    <message>
        <source>a pool task started</source>
        <translation>某个进程池任务开始</translation>
    </message>
    <message>
        <source>a pool task finishes</source>
        <translation>某个进程池任务完成</translation>
    </message>
    <message>
        <source>a pool task finished</source>
        <translation>某个进程池任务完成</translation>
    </message>
    <message>
        <source>a pool task fails</source>
        <translation>某个进程池任务失败</translation>
    </message>
    <message>
        <source>a pool task failed</source>
        <translation>某个进程池任务失败</translation>
    </message>
    <message>
        <source>a pool task is lost</source>
        <translation>某个进程池任务丢失</translation>
    </message>
    <message>
        <source>a pool task was lost</source>
        <translation>某个进程池任务丢失</translation>
    </message>
    <message numerus="yes">
        <source>%1, leaving %n item(s)</source>
        <translation>
            <numerusform>%1，之后剩余 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>ProcessLab::WalkthroughMenu</name>
    <message>
        <source>Open Walkthrough</source>
        <translation>打开导览</translation>
    </message>
    <message>
        <source>Walkthroughs (*.json);;All files (*)</source>
        <translation>导览文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Walkthroughs</source>
        <translation>导览(&amp;W)</translation>
    </message>
    <message>
        <source>Open &amp;Walkthrough…</source>
        <translation>打开导览(&amp;W)…</translation>
    </message>
    <message>
        <source>Play a walkthrough file (JSON), e.g. one a teacher wrote</source>
        <translation>播放一个导览文件（JSON），例如老师自己编写的</translation>
    </message>
</context>
<context>
    <name>ProcessLab::WalkthroughPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Walkthrough: %1</source>
        <translation>导览：%1</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>You said %1 — it took %2 %3</source>
        <translation>你的答案：%1 —— 实际用时 %2 %3</translation>
    </message>
    <message>
        <source>You said %1 — it was %2 %3</source>
        <translation>你的答案：%1 —— 实际是 %2 %3</translation>
    </message>
    <message>
        <source>Not answered — it took %1</source>
        <translation>未作答 —— 实际用时 %1</translation>
    </message>
    <message>
        <source>Not answered — it was %1</source>
        <translation>未作答 —— 实际是 %1</translation>
    </message>
    <message>
        <source>You said %1 — this run did not show it</source>
        <translation>你的答案：%1 —— 这次运行没有体现出来</translation>
    </message>
    <message>
        <source>Not answered — this run did not show it</source>
        <translation>未作答 —— 这次运行没有体现出来</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <source>Run the example</source>
        <translation>运行示例</translation>
    </message>
    <message>
        <source>Run one statement (F10)</source>
        <translation>执行一条语句（F10）</translation>
    </message>
    <message>
        <source>Run until %1</source>
        <translation>运行，直到%1</translation>
    </message>
    <message>
        <source>Pause the main program</source>
        <translation>暂停主程序</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>停止运行</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>The previous step (PageUp, Left)</source>
        <translation>上一步（PageUp、左方向键）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Stop the run and start the walkthrough again</source>
        <translation>停止运行，从头开始本导览</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>导览</translation>
    </message>
</context>
<context>
    <name>ProcessLab::WalkthroughPlayer</name>
    <message>
        <source>There is no walkthrough &quot;%1&quot;; shipped: %2</source>
        <translation>没有名为“%1”的导览；内置导览：%2</translation>
    </message>
    <message>
        <source>Cannot Open the Walkthrough</source>
        <translation>无法打开导览</translation>
    </message>
</context>
<context>
    <name>ProcessLab::WalkthroughSession</name>
    <message>
        <source>The run ended before %1.</source>
        <translation>运行在%1之前就结束了。</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n second(s) of waiting: %1</source>
        <translation>
            <numerusform>等待 %n 秒后放弃：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the run to end</source>
        <translation>等待运行结束</translation>
    </message>
    <message>
        <source>Waiting for the main program to reach its next statement</source>
        <translation>等待主程序执行到下一条语句</translation>
    </message>
    <message>
        <source>Waiting until %1</source>
        <translation>等待，直到%1</translation>
    </message>
    <message>
        <source>Waiting for the main program to pause</source>
        <translation>等待主程序暂停</translation>
    </message>
    <message>
        <source>Waiting for the run to stop</source>
        <translation>等待运行停止</translation>
    </message>
</context>
<context>
    <name>ProcessLab::WorkerProcess</name>
    <message>
        <source>worker %1 is not waiting for a connection</source>
        <translation>工作进程 %1 并未在等待连接</translation>
    </message>
    <message>
        <source>worker %1 announced pid %2, but its process is %3</source>
        <translation>工作进程 %1 声称 PID 为 %2，但其实际进程为 %3</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>协议错误：%1</translation>
    </message>
    <message>
        <source>unexpected message type %1</source>
        <translation>意外的消息类型 %1</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>exited with code %1: %2</source>
        <translation>已退出，退出码 %1：%2</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>stopped before it was started</source>
        <translation>在启动之前就已被停止</translation>
    </message>
    <message>
        <source>did not connect to the host within %1 s</source>
        <translation>未在 %1 秒内连接到主进程</translation>
    </message>
    <message>
        <source>stopped by the user (%1)</source>
        <translation>已被用户停止（%1）</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>已被用户停止</translation>
    </message>
    <message>
        <source>crashed (signal %1, %2)</source>
        <translation>崩溃（信号 %1，%2）</translation>
    </message>
    <message>
        <source>exited with code %1 without ever connecting to the host</source>
        <translation>从未连接到主进程就已退出，退出码 %1</translation>
    </message>
    <message>
        <source>protocol error: the worker does not read what the host sends (%1 MiB waiting)</source>
        <translation>协议错误:子进程不读取主机发送的数据(%1 MiB 待发送)</translation>
    </message>
</context>
<context>
    <name>ProcessStatusText</name>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1:%2 min</source>
        <translation>%1:%2 分钟</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>已被你停止</translation>
    </message>
    <message>
        <source>ended: the run failed</source>
        <translation>已结束：运行失败</translation>
    </message>
    <message>
        <source>ended: %1</source>
        <translation>已结束：%1</translation>
    </message>
    <message>
        <source>at line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>waiting at line %1: %2</source>
        <translation>在第 %1 行等待：%2</translation>
    </message>
    <message>
        <source>paused before line %1: %2</source>
        <translation>停在第 %1 行之前：%2</translation>
    </message>
    <message>
        <source>Main: the example&apos;s main program (if __name__ == &quot;__main__&quot;:), played by ProcessLab in its own process (PID %1)</source>
        <translation>主进程：示例的主程序（__name__ == &quot;__main__&quot; 条件下的部分），由 ProcessLab 在自己的进程中扮演（PID %1）</translation>
    </message>
    <message>
        <source>Main: the example&apos;s main program (if __name__ == &quot;__main__&quot;:), played by ProcessLab in its own process</source>
        <translation>主进程：示例的主程序（__name__ == &quot;__main__&quot; 条件下的部分），由 ProcessLab 在自己的进程中扮演</translation>
    </message>
    <message>
        <source>%1: a worker process of the pool; it runs the tasks the pool hands out</source>
        <translation>%1：进程池的工作进程，执行进程池分派的任务</translation>
    </message>
    <message>
        <source>killed by %1</source>
        <translation>被 %1 终止</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>task %1 lost: %2</source>
        <translation>任务 %1 丢失：%2</translation>
    </message>
    <message>
        <source>task %1: %2</source>
        <translation>任务 %1：%2</translation>
    </message>
    <message>
        <source>tasks done: %1</source>
        <translation>已完成任务：%1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>busy: tasks after the first %1 are counted, not tracked</source>
        <translation>忙碌：前 %1 个之后的任务只计数，不逐个记录</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>task %1 lost: %2 (PID %3) %4</source>
        <translation>任务 %1 丢失：%2（PID %3）%4</translation>
    </message>
    <message>
        <source> (and %1 more lost)</source>
        <translation>（另有 %1 个丢失）</translation>
    </message>
    <message>
        <source>task %1 lost: ProcessLab killed this worker on purpose</source>
        <translation>任务 %1 丢失：ProcessLab 故意终止了这个工作进程</translation>
    </message>
    <message>
        <source>ProcessLab killed this worker on purpose</source>
        <translation>ProcessLab 故意终止了这个工作进程</translation>
    </message>
    <message>
        <source>task %1 lost: ProcessLab killed %2 (PID %3) on purpose (fault injection)</source>
        <translation>任务 %1 丢失：ProcessLab 故意终止了 %2（PID %3）（故障注入）</translation>
    </message>
    <message>
        <source>Fault injection: ProcessLab killed %1 (PID %2) on purpose while it ran task %3, to show what a pool does when a worker dies. Not a bug in the program.</source>
        <translation>故障注入：ProcessLab 在 %1（PID %2）运行任务 %3 时故意终止了它，用来演示工作进程死亡时进程池如何处理。这不是程序的错误。</translation>
    </message>
    <message>
        <source>Fault injection: the injected fault did not fire: no task was running after %1 ms, so ProcessLab killed no worker.</source>
        <translation>故障注入：注入的故障没有触发：%1 毫秒后没有正在运行的任务，因此 ProcessLab 没有终止任何工作进程。</translation>
    </message>
    <message>
        <source>task %1 lost: you killed this worker (Kill this worker)</source>
        <translation>任务 %1 丢失：你终止了这个工作进程（终止此工作进程）</translation>
    </message>
    <message>
        <source>you killed this worker (Kill this worker)</source>
        <translation>你终止了这个工作进程（终止此工作进程）</translation>
    </message>
    <message>
        <source>task %1 lost: you killed %2 (PID %3) on purpose (Kill this worker)</source>
        <translation>任务 %1 丢失：你故意终止了 %2（PID %3）（终止此工作进程）</translation>
    </message>
    <message>
        <source>Kill this worker: you had ProcessLab kill %1 (PID %2) while it was idle, to show what a pool does when a worker dies. Not a bug in the program.</source>
        <translation>终止此工作进程：你让 ProcessLab 在 %1（PID %2）空闲时终止了它，用来演示工作进程死亡时进程池如何处理。这不是程序的错误。</translation>
    </message>
    <message>
        <source>Kill this worker: you had ProcessLab kill %1 (PID %2) while it ran task %3, to show what a pool does when a worker dies. Not a bug in the program.</source>
        <translation>终止此工作进程：你让 ProcessLab 在 %1（PID %2）运行任务 %3 时终止了它，用来演示工作进程死亡时进程池如何处理。这不是程序的错误。</translation>
    </message>
    <message>
        <source>%1: the Python interpreter that runs the program&apos;s main module (PID %2)</source>
        <translation>%1：运行程序主模块的 Python 解释器（PID %2）</translation>
    </message>
    <message>
        <source>%1: the Python interpreter that runs the program&apos;s main module</source>
        <translation>%1：运行程序主模块的 Python 解释器</translation>
    </message>
</context>
<context>
    <name>PythonScriptFile</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <source>%1 is too large (%2 KiB): ProcessLab opens Python scripts of up to %3 KiB</source>
        <translation>%1 太大（%2 KiB）：ProcessLab 只打开不超过 %3 KiB 的 Python 脚本</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large: ProcessLab opens Python scripts of up to %2 KiB</source>
        <translation>%1 太大：ProcessLab 只打开不超过 %2 KiB 的 Python 脚本</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text: save it as UTF-8 (Python&apos;s own default for source files)</source>
        <translation>%1 不是 UTF-8 文本：请保存为 UTF-8（Python 源文件的默认编码）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
</TS>
