package io.puredots.sim.systems.villager;

import static io.puredots.sim.systems.VillagerColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.ecs.World;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.Rng;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.spatial.SpatialGrid;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The villager state machine, parallel over villager rows:
 *
 * <pre>{@code
 * IDLE --timer--> SEEK --reached resource--> GATHER --full--> RETURN --home--> SEEK
 *   ^               |  (nearest resource from the resource grid; when none  |
 *   |               |   in range, wander and search again after a cooldown)  v
 *   +--rested-- REST <------------------------- tired ----------------------+
 * }</pre>
 *
 * Each batch writes only its own villager rows (state, goal, velocity, gather request,
 * deposit); resources are only read. Gathering and delivery are applied afterwards, in row
 * order, by {@code ResourceGatherSystem}.
 */
public final class VillagerAISystem extends SimSystem {
    public static final float SPEED = 60f;
    public static final float SEARCH_RADIUS = 128f;
    public static final float CAPACITY = 10f;
    public static final float GATHER_RATE = 0.5f;
    public static final float TIRED = 0.3f;
    /** Ticks (plus 0..31 from a hash) a villager wanders before searching again after a search found nothing. */
    public static final int SEARCH_COOLDOWN = 20;
    private static final float SEPARATION_WEIGHT = 6f;

    private SimContext ctx;
    private final ParallelJob job = this::run;
    private final SpatialGrid.RowFilter hasAmount = row -> ctx.resources.getFloat(row, ResourceColumns.AMOUNT) > 1f;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int n = ctx.villagers.count();
        forEachChunk(ctx, "VillagerAIJob", n, job);
        return n;
    }

    private void run(int start, int end) {
        SimContext c = ctx;
        World world = c.world;
        Archetype res = c.resources;
        long seed = c.seed;
        long tick = c.tick;
        Chunk ch = c.villagers.chunkOfRow(start);
        FloatBuffer px = ch.f[POS_X];
        FloatBuffer py = ch.f[POS_Y];
        FloatBuffer vx = ch.f[VEL_X];
        FloatBuffer vy = ch.f[VEL_Y];
        FloatBuffer energy = ch.f[ENERGY];
        FloatBuffer carried = ch.f[CARRIED];
        FloatBuffer gx = ch.f[GOAL_X];
        FloatBuffer gy = ch.f[GOAL_Y];
        FloatBuffer req = ch.f[GATHER_REQUEST];
        FloatBuffer dep = ch.f[DEPOSIT];
        IntBuffer state = ch.i[STATE];
        IntBuffer tIdx = ch.i[TARGET_INDEX];
        IntBuffer tGen = ch.i[TARGET_GEN];
        IntBuffer timer = ch.i[TIMER];
        IntBuffer entity = ch.entity;
        FloatBuffer sepX = ch.f[SEP_X];
        FloatBuffer sepY = ch.f[SEP_Y];
        FloatBuffer homeX = ch.f[HOME_X];
        FloatBuffer homeY = ch.f[HOME_Y];
        int s0 = start & Archetype.CHUNK_MASK;
        for (int s = s0, row = start; row < end; s++, row++) {
            float x = px.get(s);
            float y = py.get(s);
            float e = energy.get(s);
            int st = state.get(s);
            boolean moving = false;
            req.put(s, 0f);
            switch (st) {
                case IDLE: {
                    int t = timer.get(s) - 1;
                    timer.put(s, t);
                    if (t <= 0) {
                        st = e < TIRED ? REST : SEEK;
                        tIdx.put(s, -1);
                    }
                    break;
                }
                case SEEK: {
                    int ti = tIdx.get(s);
                    int resRow = ti >= 0 && world.isAlive(ti, tGen.get(s)) ? world.rowOf(ti) : -1;
                    if (resRow >= 0 && res.getFloat(resRow, ResourceColumns.AMOUNT) <= 0.5f) {
                        resRow = -1;
                    }
                    int cooldown = timer.get(s);
                    if (resRow < 0 && cooldown > 0) {
                        timer.put(s, cooldown - 1);
                    }
                    if (resRow < 0) {
                        int found = cooldown > 0 ? -1 : c.resourceGrid.nearest(x, y, SEARCH_RADIUS, hasAmount);
                        if (found >= 0) {
                            int ei = res.entityIndexAt(found);
                            tIdx.put(s, ei);
                            tGen.put(s, world.generationOf(ei));
                            resRow = found;
                        } else {
                            tIdx.put(s, -1);
                            if (cooldown <= 0) {
                                timer.put(s, SEARCH_COOLDOWN + (int) (Rng.hash(seed, entity.get(s), tick, 4) >>> 59));
                            }
                            float dx = gx.get(s) - x;
                            float dy = gy.get(s) - y;
                            if (dx * dx + dy * dy < 4f || (tick + entity.get(s)) % 240 == 0) {
                                int ent = entity.get(s);
                                gx.put(s, c.clampToWorld(x + (Rng.unit(seed, ent, tick, 1) - 0.5f) * 200f));
                                gy.put(s, c.clampToWorld(y + (Rng.unit(seed, ent, tick, 2) - 0.5f) * 200f));
                            }
                            moving = true;
                        }
                    }
                    if (resRow >= 0) {
                        float rx = res.getFloat(resRow, ResourceColumns.POS_X);
                        float ry = res.getFloat(resRow, ResourceColumns.POS_Y);
                        gx.put(s, rx);
                        gy.put(s, ry);
                        float dx = rx - x;
                        float dy = ry - y;
                        if (dx * dx + dy * dy < 4f) {
                            st = GATHER;
                        } else {
                            moving = true;
                        }
                    }
                    break;
                }
                case GATHER: {
                    int ti = tIdx.get(s);
                    int resRow = ti >= 0 && world.isAlive(ti, tGen.get(s)) ? world.rowOf(ti) : -1;
                    float have = carried.get(s);
                    if (have >= CAPACITY) {
                        st = RETURN;
                        gx.put(s, homeX.get(s));
                        gy.put(s, homeY.get(s));
                    } else if (resRow < 0 || res.getFloat(resRow, ResourceColumns.AMOUNT) <= 0.5f) {
                        st = have > CAPACITY * 0.5f ? RETURN : SEEK;
                        if (st == RETURN) {
                            gx.put(s, homeX.get(s));
                            gy.put(s, homeY.get(s));
                        }
                        tIdx.put(s, -1);
                    } else {
                        req.put(s, Math.min(GATHER_RATE, CAPACITY - have));
                        e -= 0.002f;
                    }
                    break;
                }
                case RETURN: {
                    float hx = homeX.get(s);
                    float hy = homeY.get(s);
                    gx.put(s, hx);
                    gy.put(s, hy);
                    float dx = hx - x;
                    float dy = hy - y;
                    if (dx * dx + dy * dy < 9f) {
                        dep.put(s, dep.get(s) + carried.get(s));
                        carried.put(s, 0f);
                        st = e < TIRED ? REST : SEEK;
                        tIdx.put(s, -1);
                    } else {
                        moving = true;
                    }
                    break;
                }
                case REST: {
                    e += 0.004f;
                    if (e >= 1f) {
                        e = 1f;
                        st = IDLE;
                        timer.put(s, 10 + (int) (Rng.hash(seed, entity.get(s), tick, 3) >>> 58));
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("villager row " + row + " in unknown state " + st);
            }
            float sx = sepX.get(s) * SEPARATION_WEIGHT;
            float sy = sepY.get(s) * SEPARATION_WEIGHT;
            if (moving) {
                float dx = gx.get(s) - x;
                float dy = gy.get(s) - y;
                float len = (float) Math.sqrt(dx * dx + dy * dy);
                float k = len > 1e-3f ? SPEED / len : 0f;
                vx.put(s, dx * k + sx);
                vy.put(s, dy * k + sy);
                e -= 0.0005f;
            } else {
                vx.put(s, sx);
                vy.put(s, sy);
            }
            energy.put(s, e < 0f ? 0f : e);
            state.put(s, st);
        }
    }
}
