package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the session's array cache keeps, hands out again and frees. */
class ArrayCacheTest {

    @Test
    void aReleasedArrayIsHandedOutAgainForItsTypeAndShapeOnly() {
        Set<Long> released = new HashSet<>();
        ArrayCache cache = new ArrayCache(released, 1 << 20);
        INDArray a = cache.allocate(false, DataType.FLOAT, 3, 4);
        released.add(a.getId());
        cache.release(a);
        assertThat(cache.cachedBytes()).isEqualTo(48);
        assertThat(cache.allocate(false, DataType.FLOAT, 4, 3)).isNotSameAs(a);
        assertThat(cache.allocate(false, DataType.DOUBLE, 3, 4)).isNotSameAs(a);
        assertThat(cache.allocate(false, DataType.FLOAT, 3, 4)).isSameAs(a);
        assertThat(released).as("the session may release the array again in this run").isEmpty();
        assertThat(cache.cachedBytes()).isZero();
    }

    @Test
    void arraysAreTrackedByIdentityNotByTheirId() {
        ArrayCache cache = new ArrayCache(new HashSet<>(), 1 << 20);
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 2);
        cache.release(a);
        cache.release(a);
        cache.release(b);
        assertThat(cache.cachedBytes()).as("a once, b once").isEqualTo(16);
        INDArray first = cache.allocate(false, DataType.FLOAT, 2);
        INDArray second = cache.allocate(false, DataType.FLOAT, 2);
        assertThat(Set.of(System.identityHashCode(first), System.identityHashCode(second)))
                .containsExactlyInAnyOrder(System.identityHashCode(a), System.identityHashCode(b));
        assertThat(cache.allocate(false, DataType.FLOAT, 2)).isNotSameAs(a).isNotSameAs(b);
    }

    @Test
    void viewsAreNotKeptBecauseTheirMemoryBelongsToAnotherArray() {
        ArrayCache cache = new ArrayCache(new HashSet<>(), 1 << 20);
        INDArray parent = Nd4j.zeros(DataType.FLOAT, 4, 4);
        cache.release(parent.getRow(1));
        assertThat(cache.cachedBytes()).isZero();
    }

    @Test
    void beyondItsLimitTheArraysReleasedLongestAgoAreFreed() {
        ArrayCache cache = new ArrayCache(new HashSet<>(), 100);
        INDArray old = Nd4j.zeros(DataType.FLOAT, 10);
        INDArray recent = Nd4j.zeros(DataType.FLOAT, 10);
        INDArray newest = Nd4j.zeros(DataType.FLOAT, 10);
        cache.release(old);
        cache.release(recent);
        cache.release(newest);
        assertThat(cache.cachedBytes()).isEqualTo(80);
        assertThat(old.wasClosed()).isTrue();
        assertThat(recent.wasClosed()).isFalse();
        cache.release(Nd4j.zeros(DataType.FLOAT, 30));
        assertThat(cache.cachedBytes()).as("larger than the whole cache: not kept").isEqualTo(80);
        assertThat(cache.allocate(false, DataType.FLOAT, 10)).isIn(recent, newest);
    }
}
