import { createMemoryStore } from '../../src/index';
import { storeConformanceSuite } from '../../src/testing/index';

storeConformanceSuite('memory', (context) => createMemoryStore(context));
