package io.puredots.analyzer.bench;

import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.MainThreadWaitEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;

/**
 * Benchmark input: emits puredots game events as fast as it can with {@code puredots.jfc} and
 * dumps the recording. Per frame: 1 Frame, 6 SystemGroupTick, 24 SystemTick, 8 JobSchedule,
 * 16 JobRun (on two worker threads), 1 MainThreadWait, 2 RegistryUpdate, 1 SpatialGridRebuild:
 * 59 events.
 *
 * <p>Usage: {@code GenerateRecording <out.jfr> <frames>}
 */
public final class GenerateRecording {
    private GenerateRecording() {
    }

    static final String[] GROUPS = {"InitializationSystemGroup", "SimulationSystemGroup", "SpatialSystemGroup",
            "AISystemGroup", "PhysicsSystemGroup", "PresentationSystemGroup"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        Configuration cfg;
        try (InputStream in = GenerateRecording.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            cfg = Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String[][] systems = new String[GROUPS.length][4];
        for (int g = 0; g < GROUPS.length; g++) {
            for (int s = 0; s < 4; s++) {
                systems[g][s] = GROUPS[g].replace("SystemGroup", "") + "System" + s;
            }
        }
        String[] jobs = {"MoveJob", "SteerJob", "GridInsertJob", "NeedsDecayJob", "PathfindBatchJob", "HarvestJob",
                "CombatResolveJob", "AnimationJob"};
        try (Recording r = new Recording(cfg)) {
            r.setToDisk(true);
            r.start();
            CyclicBarrier barrier = new CyclicBarrier(3);
            Thread[] workers = new Thread[2];
            for (int w = 0; w < 2; w++) {
                int worker = w;
                workers[w] = new Thread(() -> {
                    try {
                        for (int f = 0; f < frames; f++) {
                            barrier.await();
                            for (int j = 0; j < 8; j++) {
                                JobRunEvent e = new JobRunEvent();
                                e.begin();
                                e.jobId = f * 8L + j;
                                e.jobName = jobs[j];
                                e.batchIndex = worker;
                                e.tick = f;
                                e.queueWait = 500 + j;
                                e.commit();
                            }
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }, "puredots-worker-" + w);
                workers[w].start();
            }
            for (int f = 0; f < frames; f++) {
                barrier.await();
                FrameEvent frame = new FrameEvent();
                frame.begin();
                for (int g = 0; g < GROUPS.length; g++) {
                    SystemGroupTickEvent gt = new SystemGroupTickEvent();
                    gt.begin();
                    for (int s = 0; s < 4; s++) {
                        SystemTickEvent st = new SystemTickEvent();
                        st.begin();
                        st.system = systems[g][s];
                        st.group = GROUPS[g];
                        st.tick = f;
                        st.entitiesProcessed = 1000 + s;
                        st.commit();
                    }
                    gt.group = GROUPS[g];
                    gt.tick = f;
                    gt.commit();
                }
                for (int j = 0; j < 8; j++) {
                    JobScheduleEvent js = new JobScheduleEvent();
                    js.begin();
                    js.jobId = f * 8L + j;
                    js.jobName = jobs[j];
                    js.system = systems[1][j % 4];
                    js.dependencyCount = j % 3;
                    js.chainDepth = 1 + j % 2;
                    js.batchCount = 2;
                    js.tick = f;
                    js.commit();
                }
                MainThreadWaitEvent mw = new MainThreadWaitEvent();
                mw.begin();
                mw.tick = f;
                mw.system = systems[1][0];
                mw.commit();
                for (int k = 0; k < 2; k++) {
                    RegistryUpdateEvent ru = new RegistryUpdateEvent();
                    ru.begin();
                    ru.registry = k == 0 ? "ResourceRegistry" : "VillagerRegistry";
                    ru.tick = f;
                    ru.entryCount = 5000;
                    ru.adds = 3;
                    ru.removes = 2;
                    ru.updates = 40;
                    ru.commit();
                }
                SpatialGridRebuildEvent sg = new SpatialGridRebuildEvent();
                sg.begin();
                sg.tick = f;
                sg.cellCount = 4096;
                sg.entityCount = 20000;
                sg.maxCellOccupancy = 31;
                sg.commit();
                frame.tick = f;
                frame.entityCount = 20000;
                frame.commit();
            }
            for (Thread w : workers) {
                w.join();
            }
            r.stop();
            r.dump(out);
        }
    }
}
