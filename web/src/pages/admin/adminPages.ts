/** The super admin's pages, one chunk of their own: learners and coaches never download it. */
export { Catalog } from './Catalog';
export { CertificateDesigner } from './CertificateDesigner';
export { CertificationEditor } from './CertificationEditor';
export { LearningRecords } from './LearningRecords';
export { ReviewSubmission as EnrollmentDetail } from '../coach/ReviewSubmission';
