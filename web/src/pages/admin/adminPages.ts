/** The super admin's pages, one chunk of their own: learners and coaches never download it. */
export { AdminHome } from './AdminHome';
export { Catalog } from './Catalog';
export { CertificateDesigner } from './CertificateDesigner';
export { Certificates } from './Certificates';
export { CertificationEditor } from './CertificationEditor';
export { Deliveries } from './Deliveries';
export { Groups } from './Groups';
export { ImportUsers } from './ImportUsers';
export { LearningRecords } from './LearningRecords';
export { People } from './People';
export { Reports } from './Reports';
export { OrganizationSettings } from './Settings';
export { StoredReports } from './StoredReports';
