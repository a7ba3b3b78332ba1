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
        <source>&amp;Export Run Record…</source>
        <translation>导出运行记录(&amp;E)…</translation>
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
    <name>ProcessLab::FirstRunHint</name>
    <message>
        <source>Choose an example on the left, then press %1 to run it.</source>
        <translation>在左侧选择一个示例，然后按 %1 运行。</translation>
    </message>
    <message>
        <source>Hide this hint</source>
        <translation>隐藏此提示</translation>
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
        <source>Seconds each worker sleeps (time.sleep)</source>
        <translation>每个工作进程休眠的秒数（time.sleep）</translation>
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
</context>
<context>
    <name>ProcessLab::KnobPanel</name>
    <message>
        <source>unknown knob &apos;%1&apos; for example &apos;%2&apos; (knobs: %3)</source>
        <translation>示例“%2”没有参数“%1”（可用参数：%3）</translation>
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
</context>
<context>
    <name>ProcessLab::RunCompareDialog</name>
    <message>
        <source>Run #%1 · %2</source>
        <translation>第 %1 次运行 · %2</translation>
    </message>
    <message>
        <source>Settings: %1
Wall time: %2 · Result: %3</source>
        <translation>设置：%1
总耗时：%2 · 结果：%3</translation>
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
</context>
<context>
    <name>ProcessLab::RunHistoryView</name>
    <message>
        <source>Compare side by side</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>Select two runs (e.g. 1 worker and 4 workers) to compare them.</source>
        <translation>选择两次运行（例如 1 个工作进程和 4 个工作进程）进行比较。</translation>
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
        <source>Main</source>
        <translation>主进程</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>进程 %1</translation>
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
</context>
</TS>
